import CodedErrors
import JSON
import VaccinationRecord
import VaccineCodes

/// Maps a verified vaccination credential into the canonical record (best effort, like the other formats).
///
/// The OpenDVC coding members are used when present; a credential from another issuer that has only the
/// vocabulary's texts gets codings built from them: a product name the code tables know gives the product's
/// codes, otherwise `atcCode` is the vaccine type and the texts are kept under the vocabulary's IRI, with a
/// warning. Every coding then comes back in the record's code systems (``VCRecordCodes``), and the country as
/// alpha-2. What has no place in the record (unknown members) is a warning.
enum VCRecordReader {
    /// The IRI used as system for codes that are only names in the vaccination vocabulary.
    static let vocabularyBase = "https://w3id.org/vaccination#"

    static func record(
        from credential: JSONObject, issuerID: String, keyID: String?
    ) throws(W3CVCError) -> (VaccinationRecord, [GenericCodedError]) {
        var warnings: [GenericCodedError] = []
        guard let subject = subject(of: credential), let vaccine = subject["vaccine"]?.objectValue,
            let recipient = subject["recipient"]?.objectValue
        else { throw W3CVCError(.notMapped, "expected credentialSubject with recipient and vaccine, found none") }

        let name = PersonName(
            family: recipient["familyName"]?.stringValue, given: recipient["givenName"]?.stringValue,
            familyTransliterated: recipient["familyNameTransliterated"]?.stringValue,
            givenTransliterated: recipient["givenNameTransliterated"]?.stringValue)
        var birthDate: PartialDate?
        if let text = recipient["birthDate"]?.stringValue {
            birthDate = PartialDate(text)
            if birthDate == nil { warnings.append(note("recipient.birthDate", "expected YYYY, YYYY-MM or YYYY-MM-DD")) }
        }
        var sex: Sex?
        if let text = recipient["gender"]?.stringValue {
            sex = Sex(rawValue: text.lowercased())
            if sex == nil { warnings.append(note("recipient.gender", "expected male, female, other or unknown")) }
        }
        var identifier: RecordIdentifier?
        if let object = recipient["identifier"]?.objectValue, let value = object["value"]?.stringValue {
            identifier = RecordIdentifier(system: object["system"]?.stringValue, value: value)
        }

        let event = try vaccination(subject: subject, vaccine: vaccine, warnings: &warnings)
        let issuer = credential["issuer"]?["name"]?.stringValue ?? issuerID
        let hcid = credential["id"]?.stringValue ?? credential["identifier"]?.stringValue
        let period = CertificatePeriod(
            start: credential["validFrom"].flatMap { $0.stringValue.flatMap(DateTime.init) },
            end: credential["validUntil"].flatMap { $0.stringValue.flatMap(DateTime.init) })
        let certificate = CertificateInfo(
            issuer: issuer, hcid: hcid, kid: keyID,
            period: period.start == nil && period.end == nil ? nil : period)
        let record = VaccinationRecord(
            name: name, birthDate: birthDate, sex: sex, identifier: identifier, event: .vaccination(event),
            certificate: certificate)
        return (record, warnings)
    }

    private static func vaccination(
        subject: JSONObject, vaccine: JSONObject, warnings: inout [GenericCodedError]
    ) throws(W3CVCError) -> VaccinationEvent {
        guard let date = subject["dateOfVaccination"]?.stringValue.flatMap(CalendarDate.init) else {
            throw W3CVCError(.notMapped, "expected credentialSubject.dateOfVaccination as YYYY-MM-DD, found none")
        }
        guard let country = subject["countryOfVaccination"]?.stringValue.flatMap(CountryCode.init) else {
            throw W3CVCError(
                .notMapped, "expected credentialSubject.countryOfVaccination as an ISO 3166 code, found another value")
        }
        let (dose, totalDoses) = order(subject["order"]?.stringValue, warnings: &warnings)

        let codingMembers = VCVocabulary.CodingMember.self
        let codes = VCRecordCodes()
        var brand = vaccine[codingMembers.product].flatMap(coding)
        // A credential with texts only: its product name, when the code tables know it, gives every code.
        var named: VaccineProduct?
        if brand == nil, let product = vaccine["medicinalProductName"]?.stringValue {
            named = codes.product(named: product)
            brand = named?.euProductNumber
                ?? Coding(system: vocabularyBase + "medicinalProductName", code: product, display: product)
            warnings.append(note("vaccine.medicinalProductName", "expected a product code, found only a name"))
        }
        var vaccineCoding = vaccine[codingMembers.vaccine].flatMap(coding) ?? named?.vaccineType
        if vaccineCoding == nil, let atc = vaccine["atcCode"]?.stringValue {
            vaccineCoding = Coding(system: CodeSystem.atc, code: atc)
        }
        guard let vaccineCoding, let brand else {
            throw W3CVCError(
                .notMapped,
                "expected a vaccine type and a product (codes or atcCode and medicinalProductName), found neither")
        }
        // With the OpenDVC coding members present, the texts are derived data and absent codings stay absent.
        let hasCodings = vaccine[codingMembers.vaccine] != nil
        var holder = vaccine[codingMembers.holder].flatMap(coding)
        var manufacturer = vaccine[codingMembers.manufacturer].flatMap(coding)
        if !hasCodings, holder == nil, manufacturer == nil {
            if let named {
                manufacturer = named.manufacturer
            } else if let name = vaccine["marketingAuthorizationHolder"]?.stringValue {
                holder = Coding(system: vocabularyBase + "marketingAuthorizationHolder", code: name, display: name)
            }
        }
        var disease = vaccine[codingMembers.disease].flatMap(coding)
        if !hasCodings, disease == nil {
            if let named {
                disease = named.disease
            } else if let text = vaccine["disease"]?.stringValue {
                disease = Coding(system: vocabularyBase + "disease", code: text, display: text)
            }
        }
        func canonical(_ coding: Coding?, _ systems: [String], _ path: String) -> Coding? {
            coding.map { codes.canonical($0, in: systems, path: "vaccine.\(path)", warnings: &warnings) }
        }
        var practitioner: RecordIdentifier?
        if let value = subject["healthProfessional"]?.stringValue {
            practitioner = RecordIdentifier(system: subject["healthProfessionalSystem"]?.stringValue, value: value)
        }
        return VaccinationEvent(
            disease: canonical(disease, VCRecordCodes.diseaseSystems, codingMembers.disease),
            vaccine: codes.canonical(
                vaccineCoding, in: VCRecordCodes.vaccineSystems, path: "vaccine.\(codingMembers.vaccine)",
                warnings: &warnings),
            brand: codes.canonical(
                brand, in: VCRecordCodes.productSystems, path: "vaccine.\(codingMembers.product)",
                warnings: &warnings),
            manufacturer: canonical(manufacturer, VCRecordCodes.organisationSystems, codingMembers.manufacturer),
            maholder: canonical(holder, VCRecordCodes.organisationSystems, codingMembers.holder),
            lot: subject["batchNumber"]?.stringValue, date: date, dose: dose, totalDoses: totalDoses,
            country: VCRecordCodes.alpha2(country),
            centre: subject["administeringCentre"]?.stringValue, practitioner: practitioner,
            validFrom: subject["doseValidFrom"]?.stringValue.flatMap(CalendarDate.init),
            nextDose: subject["nextVaccinationDate"]?.stringValue.flatMap(CalendarDate.init))
    }

    /// `order` is `"2"` or `"2/3"` (dose, doses in the series); anything else gives dose 1 and a warning.
    private static func order(_ text: String?, warnings: inout [GenericCodedError]) -> (Int, Int?) {
        guard let text, text.utf8.count <= 16 else {
            warnings.append(note("order", "expected the dose number, found none"))
            return (1, nil)
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count <= 2, let dose = Int(parts[0]), dose >= 1 {
            if parts.count == 1 { return (dose, nil) }
            if let total = Int(parts[1]), total >= 1 { return (dose, total) }
        }
        warnings.append(note("order", "expected N or N/M with positive integers"))
        return (1, nil)
    }

    /// The single credential subject (an object, or an array holding exactly one).
    static func subject(of credential: JSONObject) -> JSONObject? {
        if let object = credential["credentialSubject"]?.objectValue { return object }
        if let array = credential["credentialSubject"]?.arrayValue, array.count == 1 { return array[0].objectValue }
        return nil
    }

    /// A coding object `{system, code, display?}` with string members.
    static func coding(_ value: JSONValue) -> Coding? {
        guard let object = value.objectValue, let system = object["system"]?.stringValue,
            let code = object["code"]?.stringValue, !system.isEmpty, !code.isEmpty
        else { return nil }
        if let display = object["display"], display.stringValue == nil { return nil }
        return Coding(system: system, code: code, display: object["display"]?.stringValue)
    }

    private static func note(_ path: String, _ message: String) -> GenericCodedError {
        GenericCodedError(code: "VC_RECORD_MAPPING", message: "credentialSubject.\(path): \(message)")
    }
}
