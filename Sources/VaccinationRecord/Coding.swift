import JSON

/// A code from a code system (FHIR `Coding`): `{"system": ..., "code": ..., "display": ...}`.
public struct Coding: Sendable, Hashable {
    /// The code system URI, for example ``CodeSystem/snomedCT``.
    public var system: String
    /// The code within the system.
    public var code: String
    /// An optional human-readable text.
    public var display: String?

    /// Creates a coding.
    public init(system: String, code: String, display: String? = nil) {
        self.system = system
        self.code = code
        self.display = display
    }

    static let members = ["system", "code", "display"]

    static func parse(_ value: JSONValue, path: String) throws -> Coding {
        let reader = try RecordJSONReader(value, path: path, allowed: members)
        return Coding(
            system: try reader.required("system", RecordJSONReader.string),
            code: try reader.required("code", RecordJSONReader.string),
            display: try reader.optional("display", RecordJSONReader.string)
        )
    }

    var jsonValue: JSONValue {
        var object = JSONObject()
        object["system"] = .string(system)
        object["code"] = .string(code)
        object["display"] = display.map(JSONValue.string)
        return .object(object)
    }
}

/// Well-known code system URIs.
public enum CodeSystem {
    /// SNOMED CT.
    public static let snomedCT = "http://snomed.info/sct"
    /// LOINC.
    public static let loinc = "http://loinc.org"
    /// WHO ATC classification.
    public static let atc = "http://www.whocc.no/atc"
    /// ICD-11 (preferred by DDCC:VS for vaccines).
    public static let icd11 = "http://id.who.int/icd11/mms"
    /// The EU Union Register of medicinal products (EU/1/20/1528...).
    public static let euUnionRegister = "https://ec.europa.eu/health/documents/community-register/html/"
    /// EMA SPOR organisation identifiers (ORG-100030215...).
    public static let emaSPOROrganisations = "https://spor.ema.europa.eu/v1/organisations"
    /// The same URI as ``emaSPOROrganisations``, under the name the code mappings use.
    public static let emaOrganisations = emaSPOROrganisations
    /// CDC CVX vaccine codes, as FHIR names them (SMART Health Cards).
    public static let cvx = "http://hl7.org/fhir/sid/cvx"
    /// ICD-11 MMS as HL7 terminology names it. ``icd11`` is the URI the WHO DDCC guide uses; the code mappings
    /// accept both and answer in the one asked for.
    public static let icd11Release = "http://id.who.int/icd/release/11/mms"
    /// The EU DCC value set `vaccines-covid-19-names`, for `mp` codes that are not Union Register numbers
    /// (`CoronaVac`, `Sputnik-V`...).
    public static let euDCCVaccineNames = "https://ec.europa.eu/health/ehealth/dgc/valuesets/vaccines-covid-19-names"
    /// The EU DCC value set `vaccines-covid-19-auth-holders`, for `ma` codes that are not SPOR identifiers
    /// (`Bharat-Biotech`...).
    public static let euDCCAuthorisationHolders =
        "https://ec.europa.eu/health/ehealth/dgc/valuesets/vaccines-covid-19-auth-holders"
}
