import CredentialVerification
import Foundation
import JOSE
import JSON
import Testing
import VaccinationRecord
import W3CVerifiableCredentials

@Suite struct VCRoundTripTests {
    @Test(
        arguments: [
            ("Mustermann", "Erika", "1964-08-12"), ("Dvořáková", "Zuzana", "1964-08"), ("Łęcki-Żółw", "Ægir", "1964"),
            ("山田", "太郎", nil), ("O'Brien Ñúñez", "José María 🙂", "2000-02-29"),
        ] as [(String, String, String?)])
    func recordToVCToRecord(family: String, given: String, birthDate: String?) throws {
        let record = try VCFixtures.record(family: family, given: given, birthDate: birthDate)
        let jws = try VCFixtures.issuer.issue(record, issuedAt: VCFixtures.issuedAt, expiresAt: VCFixtures.expiresAt)
        #expect(VCVerifier.canRead(jws[...]))
        let result = VCVerifier().verify(jws[...], context: try VCFixtures.context())
        #expect(result.errors.map(\.code) == [])
        #expect(result.isValid)
        #expect(result.format == .w3cVC)
        #expect(result.issuer == VCFixtures.issuerID)
        #expect(result.keyID == VCFixtures.issuer.keyID)
        let decoded = try #require(result.credential)
        #expect(result.credentialWarnings.map(\.code) == [])
        #expect(decoded.name == record.name)
        #expect(decoded.birthDate == record.birthDate)
        #expect(decoded.event == record.event)
        #expect(decoded.certificate.issuer == record.certificate.issuer)
        #expect(decoded.certificate.hcid == record.certificate.hcid)
        #expect(decoded.certificate.kid == VCFixtures.issuer.keyID)
        #expect(decoded.certificate.period?.start?.text == "2021-06-01T00:00:00Z")
        #expect(decoded.certificate.period?.end?.text == "2022-06-01T00:00:00Z")
        try decoded.validate()
    }

    @Test func everyOptionalMemberRoundTrips() throws {
        let record = try VaccinationRecord(
            json: JSONParser.parse(
                #"""
                {"name": {"family": "Müller", "given": "Jürgen", "familyTransliterated": "MUELLER",
                          "givenTransliterated": "JUERGEN"},
                 "birthDate": "1970-01", "sex": "other", "identifier": {"system": "urn:oid:1.2.3", "value": "X-1"},
                 "vaccination": {"vaccine": {"system": "http://hl7.org/fhir/sid/cvx", "code": "511"},
                   "brand": {"system": "https://ec.europa.eu/health/ehealth/dgc/valuesets/vaccines-covid-19-names",
                             "code": "CoronaVac", "display": "CoronaVac"},
                   "maholder": {"system": "https://ec.europa.eu/health/ehealth/dgc/valuesets/vaccines-covid-19-auth-holders",
                                "code": "Sinovac-Biotech"},
                   "date": "2021-03-04", "dose": 1, "country": "CHL", "practitioner": {"system": "urn:x", "value": "P7"},
                   "validFrom": "2021-03-18", "nextDose": "2021-04-01"},
                 "certificate": {"issuer": "MINSAL", "hcid": "not a URI 42"}}
                """#))
        let jws = try VCFixtures.issuer.issue(record, issuedAt: VCFixtures.issuedAt, expiresAt: VCFixtures.expiresAt)
        let result = VCVerifier().verify(jws[...], context: try VCFixtures.context())
        #expect(result.isValid)
        let decoded = try #require(result.credential)
        #expect(decoded.name == record.name)
        #expect(decoded.birthDate == record.birthDate)
        #expect(decoded.sex == record.sex)
        #expect(decoded.identifier == record.identifier)
        // The CVX vaccine comes back as its SNOMED CT type and the country as alpha-2, as from every format.
        var expected = try #require(record.event.vaccination)
        expected.vaccine = Coding(
            system: CodeSystem.snomedCT, code: "1157024006", display: "Inactivated whole SARS-CoV-2 antigen vaccine")
        expected.country = try #require(CountryCode("CL"))
        #expect(decoded.event == .vaccination(expected))
        #expect(decoded.certificate.hcid == "not a URI 42")
        #expect(result.credentialWarnings.isEmpty)
    }

    @Test func aCodeWithoutTranslationIsKeptAndReported() throws {
        var record = try VCFixtures.record()
        var vaccination = try #require(record.event.vaccination)
        vaccination.vaccine = Coding(system: "urn:example:vaccines", code: "local-7")
        vaccination.manufacturer = Coding(system: "urn:example:makers", code: "maker-1")
        record.event = .vaccination(vaccination)
        let jws = try VCFixtures.issuer.issue(record, issuedAt: VCFixtures.issuedAt, expiresAt: VCFixtures.expiresAt)
        let result = VCVerifier().verify(jws[...], context: try VCFixtures.context())
        #expect(result.isValid)
        #expect(result.credential?.event.vaccination?.vaccine == vaccination.vaccine)
        #expect(result.credential?.event.vaccination?.manufacturer == vaccination.manufacturer)
        #expect(result.credentialWarnings.map(\.code) == ["VC_UNMAPPED_CODE", "VC_UNMAPPED_CODE"])
        #expect(result.credentialWarnings.allSatisfy { !$0.message.contains("local-7") })
    }

    @Test func headerAndPayloadFollowVCJOSE() throws {
        let jws = try CompactJWS(parsing: VCFixtures.issued())
        #expect(jws.header.type == "vc+jwt")
        #expect(jws.header.contentType == "vc")
        #expect(jws.header.algorithm == "ES256")
        guard case .object(let payload) = try JSONParser.parse(jws.payload) else { Issue.record("no object"); return }
        #expect(
            payload["@context"]
                == .array([
                    .string("https://www.w3.org/ns/credentials/v2"), .string("https://w3id.org/vaccination/v1"),
                ]))
        #expect(payload["type"] == .array([.string("VerifiableCredential"), .string("VaccinationCertificate")]))
        #expect(payload["issuer"]?["id"]?.stringValue == VCFixtures.issuerID)
        #expect(payload["validFrom"]?.stringValue == "2021-06-01T00:00:00Z")
        #expect(payload["validUntil"]?.stringValue == "2022-06-01T00:00:00Z")
        let subject = try #require(payload["credentialSubject"]?.objectValue)
        #expect(subject["type"]?.stringValue == "VaccinationEvent")
        #expect(subject["order"]?.stringValue == "2/2")
        #expect(subject["recipient"]?["type"]?.stringValue == "VaccineRecipient")
        #expect(subject["vaccine"]?["type"]?.stringValue == "Vaccine")
        #expect(subject["vaccine"]?["atcCode"]?.stringValue == "J07BX03")
        #expect(subject["vaccine"]?["medicinalProductName"]?.stringValue == "Comirnaty")
        #expect(subject["vaccine"]?["disease"]?.stringValue == "COVID-19")
    }

    @Test func oneTrailingLineBreakIsTolerated() throws {
        let jws = try VCFixtures.issued()
        for suffix in ["\n", "\r\n"] {
            #expect(VCVerifier.canRead((jws + suffix)[...]))
            #expect(VCVerifier().verify((jws + suffix)[...], context: try VCFixtures.context()).isValid)
        }
        #expect(!VCVerifier().verify((jws + "\n\n")[...], context: try VCFixtures.context()).isValid)
    }

    @Test func openEndedCredentialVerifiesLater() throws {
        let jws = try VCFixtures.issuer.issue(VCFixtures.record(), issuedAt: VCFixtures.issuedAt, expiresAt: nil)
        let later = Date(timeIntervalSince1970: 2_000_000_000)
        let result = VCVerifier().verify(jws[...], context: try VCFixtures.context(at: later))
        #expect(result.isValid)
        #expect(result.credential?.certificate.period?.end == nil)
    }

    @Test func didURLKeyIDsResolveByFragment() throws {
        let issuer = VCIssuer(
            signingKey: VCFixtures.key, issuer: VCFixtures.issuerID, keyID: VCFixtures.issuerID + "#key-1")
        let jws = try issuer.issue(VCFixtures.record(), issuedAt: VCFixtures.issuedAt, expiresAt: VCFixtures.expiresAt)
        let published = VCIssuer(signingKey: VCFixtures.key, issuer: VCFixtures.issuerID, keyID: "key-1")
        let store = try VCFixtures.trustStore(keySet: published.publicKeySet)
        let result = VCVerifier().verify(jws[...], context: try VCFixtures.context(store: store))
        #expect(result.isValid)
    }

    @Test func foreignCredentialWithoutCodingsMapsWithWarnings() throws {
        let jws = try VCFixtures.resign(VCFixtures.issued()) { payload in
            guard case .object(var subject) = payload["credentialSubject"],
                case .object(var vaccine) = subject["vaccine"]
            else { return }
            for name in ["diseaseCode", "vaccineCode", "medicinalProductCode", "manufacturerCode"] {
                vaccine[name] = nil
            }
            subject["vaccine"] = .object(vaccine)
            payload["credentialSubject"] = .object(subject)
        }
        let result = VCVerifier().verify(jws[...], context: try VCFixtures.context())
        #expect(result.isValid)
        let record = try #require(result.credential)
        // The product name the tables know gives the product's codes, as the other formats return them.
        #expect(record.event.vaccination?.vaccine == Coding(system: CodeSystem.snomedCT, code: "1119349007", display: "SARS-CoV-2 mRNA vaccine"))
        #expect(record.event.vaccination?.brand.code == "EU/1/20/1528")
        #expect(record.event.vaccination?.brand.display == "Comirnaty")
        #expect(record.event.vaccination?.manufacturer?.code == "ORG-100030215")
        #expect(record.event.vaccination?.disease?.code == "840539006")
        #expect(throws: Never.self) { try record.validate() }
        #expect(result.credentialWarnings.map(\.code) == ["VC_RECORD_MAPPING"])
    }
}
