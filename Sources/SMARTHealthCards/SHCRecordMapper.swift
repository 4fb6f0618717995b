import CodedErrors
import Foundation
import JSON
import VaccinationRecord

/// Maps a verified SMART Health Card into the canonical ``VaccinationRecord``.
///
/// - The first Patient gives the name (family; given names joined by spaces) and the (partial) birth date.
/// - The record holds one event, so of several Immunizations **the most recent dose** (latest
///   `occurrenceDateTime`; ties keep the later entry) becomes the record's vaccination. Its `dose` is its
///   position among the card's completed Immunizations in date order; `totalDoses` stays unknown. The other
///   Immunizations are **not carried** into the record: the credential warning `SHC_NOT_MAPPED` says how many
///   were left out, and the full Bundle stays available in ``VerificationResult/formatPayload``.
/// - CVX is translated to the record's SNOMED CT vaccine type and disease, EU product (Union Register number,
///   else the EU value-set name) and manufacturer (EMA SPOR organisation, else the EU value-set name); a code
///   without a translation is kept as the CVX coding and reported (`SHC_UNMAPPED_CODE`), never dropped, and a
///   manufacturer or disease the tables do not give is reported the same way.
/// - SMART Health Cards carry no country: ``SHCRecordMapper/country`` is used and reported.
/// - The certificate's `issuer` is the card's `iss` URL, `kid` the JWS kid, and its period runs from `nbf` to
///   `exp` (whole seconds). There is no HCID: `vc.rid` is a revocation handle, not a certificate identifier.
struct SHCRecordMapper: Sendable {
    /// EU DCC value-set names, for products without a Union Register number.
    static let euDCCVaccineNames = "https://ec.europa.eu/health/ehealth/dgc/valuesets/vaccines-covid-19-names"

    var translator: SHCCodeTranslator
    var country: CountryCode

    func record(from payload: SHCPayload, keyID: String?) -> (record: VaccinationRecord?, warnings: [GenericCodedError]) {
        var warnings: [GenericCodedError] = []
        func note(_ code: SHCError.Code, _ text: String) { warnings.append(GenericCodedError(SHCError(code, text))) }
        let resources = (payload.fhirBundle["entry"]?.arrayValue ?? []).compactMap { $0["resource"]?.objectValue }
        let patients = resources.filter { $0["resourceType"]?.stringValue == "Patient" }
        let immunizations = resources.filter {
            $0["resourceType"]?.stringValue == "Immunization" && $0["status"]?.stringValue == "completed"
        }
        guard let patient = patients.first else {
            return (nil, [GenericCodedError(SHCError(.notMapped, "expected a Patient in the bundle, found none"))])
        }
        if patients.count > 1 { note(.notMapped, "expected one Patient, found \(patients.count); the first is used") }
        let dated = immunizations.compactMap { immunization -> (CalendarDate, JSONObject)? in
            guard let text = immunization["occurrenceDateTime"]?.stringValue, text.utf8.count >= 10,
                let date = CalendarDate(String(text.prefix(10)))
            else { return nil }
            return (date, immunization)
        }
        // A stable sort keeps entry order among doses of the same day; the last element is the latest.
        let ordered = dated.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element)
        guard let (date, latest) = ordered.last else {
            return (nil, [GenericCodedError(SHCError(.notMapped, "expected a completed Immunization with a full occurrenceDateTime, found none"))])
        }
        if immunizations.count > 1 {
            note(
                .notMapped,
                "expected one Immunization for the record, found \(immunizations.count); the most recent is the record's event and \(immunizations.count - 1) earlier ones are not carried")
        }
        if resources.count > patients.count + immunizations.count {
            note(.notMapped, "expected Patient and Immunization resources only, found \(resources.count - patients.count - immunizations.count) others, not carried")
        }

        var name = PersonName()
        if let first = patient["name"]?.arrayValue?.first {
            name.family = first["family"]?.stringValue
            let given = (first["given"]?.arrayValue ?? []).compactMap(\.stringValue)
            name.given = given.isEmpty ? nil : given.joined(separator: " ")
        }
        let birthDate = patient["birthDate"]?.stringValue.flatMap { PartialDate($0) }

        let codings = (latest["vaccineCode"]?["coding"]?.arrayValue ?? []).compactMap { value -> Coding? in
            guard let system = value["system"]?.stringValue, let code = value["code"]?.stringValue else { return nil }
            return Coding(system: system, code: code)
        }
        guard let source = codings.first(where: { $0.system == SHCCodeTranslator.cvx }) ?? codings.first else {
            return (nil, warnings + [GenericCodedError(SHCError(.notMapped, "expected a vaccineCode coding, found none"))])
        }
        func mapped(_ system: String, _ label: String) -> Coding? {
            if let coding = translator.translate(source, to: system) { return coding }
            note(.unmappedCode, "expected a \(label) for \(source.system) code \(source.code), found no mapping; the source coding is kept")
            return nil
        }
        let vaccine = mapped(CodeSystem.snomedCT, "SNOMED CT vaccine type") ?? source
        let brand = translator.translate(source, to: CodeSystem.euUnionRegister)
            ?? translator.translate(source, to: Self.euDCCVaccineNames)
            ?? mapped(CodeSystem.euUnionRegister, "EU product") ?? source
        let manufacturer = translator.translate(source, to: CodeSystem.emaSPOROrganisations)
            ?? translator.translate(source, to: CodeSystem.euDCCAuthorisationHolders)
        if manufacturer == nil {
            note(.unmappedCode, "expected a manufacturer for \(source.system) code \(source.code), found no mapping; the record has none")
        }
        let disease = translator.disease(for: source)
        if disease == nil {
            note(.unmappedCode, "expected the disease targeted by \(source.system) code \(source.code), found no mapping; the record has none")
        }
        let lot = latest["lotNumber"]?.stringValue
        let centre = latest["performer"]?.arrayValue?.first?["actor"]?["display"]?.stringValue
        note(.notMapped, "expected a country of vaccination, found none in the card; \(country.code) is assumed")

        let event = VaccinationEvent(
            disease: disease, vaccine: vaccine, brand: brand, manufacturer: manufacturer, lot: lot, date: date,
            dose: ordered.count, country: country, centre: centre)
        var certificate = CertificateInfo(issuer: payload.issuer, kid: keyID)
        certificate.period = CertificatePeriod(
            start: DateTime(secondsSince1970: Int64(payload.notBefore.rounded(.down))),
            end: payload.expires.flatMap { DateTime(secondsSince1970: Int64($0.rounded(.down))) })
        let record = VaccinationRecord(name: name, birthDate: birthDate, event: .vaccination(event), certificate: certificate)
        return (record, warnings)
    }
}
