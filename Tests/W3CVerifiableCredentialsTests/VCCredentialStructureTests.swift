import JOSE
import JSON
import Testing

@testable import W3CVerifiableCredentials

/// The schema check's findings, message by message and in order, on payloads that break each rule.
@Suite("VC credential structure")
struct VCCredentialStructureTests {
    private func violations(_ json: String) throws -> [String] {
        let tape = try JSONTape(parsing: Array(json.utf8))
        return VCCredentialStructure.violations(in: tape, credential: tape.root)
    }

    @Test func anIssuedCredentialHasNone() throws {
        let jws = try CompactJWS(parsing: VCFixtures.issued())
        let tape = try JSONTape(parsing: jws.payload)
        #expect(VCCredentialStructure.violations(in: tape, credential: tape.root) == [])
    }

    @Test func everyRuleIsReportedInOrder() throws {
        let found = try violations(
            #"""
            {"@context": ["https://example.org/other"], "type": ["VerifiableCredential"], "id": 5,
             "validFrom": "2022-06-01",
             "credentialSubject": {"type": "Other", "dateOfVaccination": "2021-02-30", "recipient": "r",
               "vaccine": {"type": "Vaccine", "vaccineCode": {"system": "s"}, "atcCode": 1,
                 "diseaseCode": {"system": "s", "code": "c", "display": 2}, "medicinalProductCode": {"system": "s", "code": "c"}},
               "extra": 3}}
            """#)
        #expect(found == [
            "@context: expected https://www.w3.org/ns/credentials/v2 first",
            "@context: expected https://w3id.org/vaccination/v1",
            "type: expected VaccinationCertificate",
            "id: expected a string",
            "validFrom: expected an RFC 3339 date-time with offset",
            "credentialSubject.type: expected VaccinationEvent",
            "credentialSubject.dateOfVaccination: expected a date YYYY-MM-DD",
            "credentialSubject.countryOfVaccination: expected a string",
            "credentialSubject.recipient: expected a VaccineRecipient object",
            "credentialSubject.vaccine.vaccineCode: expected a coding {system, code}",
            "credentialSubject.vaccine.diseaseCode: expected a coding {system, code}",
            "credentialSubject.extra: expected a string",
        ])
    }

    @Test func theSubjectMustBeOneObject() throws {
        let twoSubjects = try violations(
            #"""
            {"@context": ["https://www.w3.org/ns/credentials/v2", "https://w3id.org/vaccination/v1"],
             "type": ["VerifiableCredential", "VaccinationCertificate"], "validUntil": "2030-01-01T00:00:00+01:00",
             "credentialSubject": [{}, {}]}
            """#)
        #expect(twoSubjects == ["credentialSubject: expected one object"])
        let oneInArray = try violations(
            #"""
            {"@context": "https://www.w3.org/ns/credentials/v2", "type": "VerifiableCredential",
             "credentialSubject": [{"type": ["VaccinationEvent"], "dateOfVaccination": "2021-06-01",
               "countryOfVaccination": "DE", "recipient": {"type": "VaccineRecipient"}, "vaccine": {"type": ["Vaccine"]}}]}
            """#)
        #expect(oneInArray == [
            "@context: expected https://www.w3.org/ns/credentials/v2 first",
            "@context: expected https://w3id.org/vaccination/v1",
            "type: expected VerifiableCredential",
            "type: expected VaccinationCertificate",
        ])
    }
}
