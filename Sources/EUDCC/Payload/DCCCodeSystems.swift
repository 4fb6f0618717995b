import VaccinationRecord

/// The code systems used when mapping DCC codes to record ``Coding``s, and back.
///
/// A DCC field holds a bare code. Decoding gives it the standard system its value set is drawn from when the
/// code has that system's shape (SNOMED CT digits, ATC, LOINC, EU register number, EMA SPOR organisation);
/// other codes of the EU value sets (names such as `CoronaVac` or `Bharat-Biotech`) get the URI of the DCC value
/// set itself, `https://ec.europa.eu/health/ehealth/dgc/valuesets/<value-set-id>`. Encoding accepts exactly
/// these systems for each field and rejects others (`DCC_UNMAPPABLE`), because the DCC cannot say which
/// system a code belongs to.
public enum DCCCodeSystems {
    /// The prefix of the DCC value-set URIs.
    public static let valueSetBase = "https://ec.europa.eu/health/ehealth/dgc/valuesets/"
    /// `tg` value set (disease-agent-targeted).
    public static let diseaseAgentTargeted = valueSetBase + "disease-agent-targeted"
    /// `vp` value set (sct-vaccines-covid-19).
    public static let vaccineProphylaxis = valueSetBase + "sct-vaccines-covid-19"
    /// `mp` value set (vaccines-covid-19-names).
    public static let medicinalProduct = valueSetBase + "vaccines-covid-19-names"
    /// `ma` value set of vaccinations (vaccines-covid-19-auth-holders).
    public static let authorizationHolder = valueSetBase + "vaccines-covid-19-auth-holders"
    /// `tt` value set (covid-19-lab-test-type).
    public static let testType = valueSetBase + "covid-19-lab-test-type"
    /// `tr` value set (covid-19-lab-result).
    public static let testResult = valueSetBase + "covid-19-lab-result"
    /// `ma` value set of tests (covid-19-lab-test-manufacturer-and-name).
    public static let testDevice = valueSetBase + "covid-19-lab-test-manufacturer-and-name"

    /// One DCC coded field: its record path, the systems it accepts, and how a bare code gets its system.
    struct Field: Sendable {
        /// The systems a record coding may use for this field.
        let accepted: [String]
        /// The system of a bare DCC code.
        let system: @Sendable (String) -> String
        /// What the field needs, for error messages.
        let expectation: String
    }

    static let disease = Field(
        accepted: [CodeSystem.snomedCT, diseaseAgentTargeted],
        system: { isDigits($0) ? CodeSystem.snomedCT : diseaseAgentTargeted },
        expectation: "a SNOMED CT code"
    )
    static let vaccine = Field(
        accepted: [CodeSystem.snomedCT, CodeSystem.atc, vaccineProphylaxis],
        system: { isDigits($0) ? CodeSystem.snomedCT : (isATC($0) ? CodeSystem.atc : vaccineProphylaxis) },
        expectation: "a SNOMED CT or ATC code"
    )
    static let product = Field(
        accepted: [CodeSystem.euUnionRegister, medicinalProduct],
        system: { isEURegisterNumber($0) ? CodeSystem.euUnionRegister : medicinalProduct },
        expectation: "an EU register number or a code of the DCC vaccines-covid-19-names value set"
    )
    static let holder = Field(
        accepted: [CodeSystem.emaSPOROrganisations, authorizationHolder],
        system: { isSPOROrganisation($0) ? CodeSystem.emaSPOROrganisations : authorizationHolder },
        expectation: "an EMA SPOR organisation or a code of the DCC vaccines-covid-19-auth-holders value set"
    )
    static let type = Field(
        accepted: [CodeSystem.loinc, testType],
        system: { isLOINC($0) ? CodeSystem.loinc : testType },
        expectation: "a LOINC code"
    )
    static let result = Field(
        accepted: [CodeSystem.snomedCT, testResult],
        system: { isDigits($0) ? CodeSystem.snomedCT : testResult },
        expectation: "a SNOMED CT code"
    )
    static let device = Field(
        accepted: [testDevice],
        system: { _ in testDevice },
        expectation: "a code of the DCC covid-19-lab-test-manufacturer-and-name value set"
    )

    // MARK: - Code shapes

    static func isDigits(_ code: String) -> Bool {
        !code.isEmpty && code.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// ATC level 5: letter, 2 digits, 2 letters, 2 digits (J07BX03).
    static func isATC(_ code: String) -> Bool {
        let b = Array(code.utf8)
        guard b.count == 7 else { return false }
        let letter: (UInt8) -> Bool = { (0x41...0x5A).contains($0) }
        let digit: (UInt8) -> Bool = { (0x30...0x39).contains($0) }
        return letter(b[0]) && digit(b[1]) && digit(b[2]) && letter(b[3]) && letter(b[4]) && digit(b[5])
            && digit(b[6])
    }

    /// EU/1/20/1528.
    static func isEURegisterNumber(_ code: String) -> Bool {
        // EU/<digits>/<digits>/<digits>, checked byte by byte (this runs for every verified certificate).
        var bytes = code.utf8.makeIterator()
        guard bytes.next() == UInt8(ascii: "E"), bytes.next() == UInt8(ascii: "U"), bytes.next() == UInt8(ascii: "/")
        else { return false }
        var groups = 1
        var digitsInGroup = 0
        while let byte = bytes.next() {
            if byte == UInt8(ascii: "/") {
                guard digitsInGroup > 0 else { return false }
                groups += 1
                digitsInGroup = 0
            } else if (0x30...0x39).contains(byte) {
                digitsInGroup += 1
            } else {
                return false
            }
        }
        return groups == 3 && digitsInGroup > 0
    }

    /// ORG-100030215.
    static func isSPOROrganisation(_ code: String) -> Bool {
        let bytes = code.utf8
        return bytes.count > 4 && bytes.starts(with: "ORG-".utf8) && bytes.dropFirst(4).allSatisfy { (0x30...0x39).contains($0) }
    }

    /// LOINC code (94558-4) or LOINC part (LP6464-4).
    static func isLOINC(_ code: String) -> Bool {
        let body = code.hasPrefix("LP") ? String(code.dropFirst(2)) : code
        let parts = body.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && isDigits(String(parts[0])) && parts[1].count == 1 && isDigits(String(parts[1]))
    }
}
