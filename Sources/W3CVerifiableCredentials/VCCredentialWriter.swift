import Foundation
import JSON
import VaccinationRecord
import VaccineCodes

/// Writes a vaccination record as an unsecured VC Data Model 2.0 credential with the CCG vaccination vocabulary.
///
/// Shape: `@context` (VC 2.0, vaccination), `id` (the HCID when it is a URI, such as `URN:UVCI:...`), `type`,
/// `issuer` `{id, name}`, `validFrom`, `validUntil`, then `credentialSubject`, a `VaccinationEvent` whose
/// `recipient` is a `VaccineRecipient` and whose `vaccine` is a `Vaccine`. The vocabulary's display texts
/// (`disease`, `atcCode`, `medicinalProductName`, `marketingAuthorizationHolder`) are filled from the record and
/// the shared code tables; the record's codings travel in the ``VCVocabulary/CodingMember`` members.
struct VCCredentialWriter {
    var mapper = VaccineCodeMapper.standard

    func credential(
        for record: VaccinationRecord, issuer: String, issuedAt: Date, expiresAt: Date?
    ) throws(W3CVCError) -> JSONObject {
        guard let vaccination = record.event.vaccination else {
            throw W3CVCError(
                .issuance, "expected a vaccination record, found a \(record.event.memberName) record")
        }
        var object = JSONObject()
        object["@context"] = .array([
            .string(VCVocabulary.credentialsContext), .string(VCVocabulary.vaccinationContext),
        ])
        if let hcid = record.certificate.hcid {
            if Self.isURI(hcid) { object["id"] = .string(hcid) } else { object["identifier"] = .string(hcid) }
        }
        object["type"] = .array(VCVocabulary.credentialTypes.map(JSONValue.string))
        object["issuer"] = .object(["id": .string(issuer), "name": .string(record.certificate.issuer)])
        object["validFrom"] = .string(Self.timestamp(issuedAt))
        object["validUntil"] = expiresAt.map { .string(Self.timestamp($0)) }
        object["credentialSubject"] = .object(subject(record, vaccination))
        return object
    }

    private func subject(_ record: VaccinationRecord, _ event: VaccinationEvent) -> JSONObject {
        var subject = JSONObject()
        subject["type"] = .string("VaccinationEvent")
        subject["recipient"] = .object(recipient(record))
        subject["vaccine"] = .object(vaccine(event))
        subject["dateOfVaccination"] = .string(event.date.text)
        subject["order"] = .string(event.totalDoses.map { "\(event.dose)/\($0)" } ?? "\(event.dose)")
        subject["countryOfVaccination"] = .string(event.country.code)
        subject["administeringCentre"] = event.centre.map(JSONValue.string)
        subject["batchNumber"] = event.lot.map(JSONValue.string)
        if let practitioner = event.practitioner {
            subject["healthProfessional"] = .string(practitioner.value)
            if let system = practitioner.system {
                subject["healthProfessionalSystem"] = .string(system)
            }
        }
        subject["nextVaccinationDate"] = event.nextDose.map { .string($0.text) }
        subject["doseValidFrom"] = event.validFrom.map { .string($0.text) }
        return subject
    }

    private func recipient(_ record: VaccinationRecord) -> JSONObject {
        var recipient = JSONObject()
        recipient["type"] = .string("VaccineRecipient")
        recipient["givenName"] = record.name.given.map(JSONValue.string)
        recipient["familyName"] = record.name.family.map(JSONValue.string)
        recipient["givenNameTransliterated"] = record.name.givenTransliterated.map(JSONValue.string)
        recipient["familyNameTransliterated"] = record.name.familyTransliterated.map(JSONValue.string)
        recipient["gender"] = record.sex.map { .string($0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst()) }
        recipient["birthDate"] = record.birthDate.map { .string($0.text) }
        if let identifier = record.identifier {
            var value = JSONObject()
            value["system"] = identifier.system.map(JSONValue.string)
            value["value"] = .string(identifier.value)
            recipient["identifier"] = .object(value)
        }
        return recipient
    }

    private func vaccine(_ event: VaccinationEvent) -> JSONObject {
        let product = mapper.product(matching: event.brand)
        var vaccine = JSONObject()
        vaccine["type"] = .string("Vaccine")
        if let disease = event.disease ?? product?.disease {
            vaccine["disease"] = .string(
                disease.display ?? mapper.translate(disease, to: disease.system)?.display ?? disease.code)
        }
        vaccine["atcCode"] = mapper.translate(event.vaccine, to: CodeSystem.atc).map { .string($0.code) }
        vaccine["medicinalProductName"] = .string(event.brand.display ?? product?.name ?? event.brand.code)
        if let holder = event.maholder ?? event.manufacturer {
            vaccine["marketingAuthorizationHolder"] = .string(holder.display ?? holder.code)
        }
        vaccine[VCVocabulary.CodingMember.disease] = event.disease.map(Self.json)
        vaccine[VCVocabulary.CodingMember.vaccine] = Self.json(event.vaccine)
        vaccine[VCVocabulary.CodingMember.product] = Self.json(event.brand)
        vaccine[VCVocabulary.CodingMember.holder] = event.maholder.map(Self.json)
        vaccine[VCVocabulary.CodingMember.manufacturer] = event.manufacturer.map(Self.json)
        return vaccine
    }

    static func json(_ coding: Coding) -> JSONValue {
        var object = JSONObject()
        object["system"] = .string(coding.system)
        object["code"] = .string(coding.code)
        object["display"] = coding.display.map(JSONValue.string)
        return .object(object)
    }

    /// RFC 3339 UTC with whole seconds (an XML Schema `dateTimeStamp`, as VC 2.0 requires).
    static func timestamp(_ date: Date) -> String {
        DateTime(secondsSince1970: Int64(date.timeIntervalSince1970.rounded(.down)))?.text ?? "1970-01-01T00:00:00Z"
    }

    /// Whether `text` starts with a URI scheme and a colon (`urn:`, `URN:`, `https:`).
    static func isURI(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        let scheme = text[..<colon]
        return scheme.first?.isLetter == true
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
            && !text.contains(" ")
    }
}
