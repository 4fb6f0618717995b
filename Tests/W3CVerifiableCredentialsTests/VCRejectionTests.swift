import CredentialVerification
import Foundation
import JOSE
import JSON
import TestSupport
import Testing
import Trust
import VaccinationRecord
import W3CVerifiableCredentials

@Suite struct VCRejectionTests {
    func verify(_ text: String, at date: Date = VCFixtures.during, store: TrustStore? = nil) throws
        -> VerificationResult
    {
        VCVerifier().verify(text[...], context: try VCFixtures.context(at: date, store: store))
    }

    @Test func everyTruncationIsRejectedWithACode() throws {
        let jws = try VCFixtures.issued()
        let bytes = Array(jws.utf8)
        for length in 0..<bytes.count {
            let result = try verify(String(decoding: bytes[..<length], as: UTF8.self))
            #expect(!result.isValid, "prefix \(length)")
            #expect(!result.errors.isEmpty, "prefix \(length)")
        }
    }

    @Test func randomByteChangesNeverCrashOrVerifyChangedBytes() throws {
        let jws = try VCFixtures.issued()
        let original = try CompactJWS(parsing: jws)
        var random = SeededGenerator(seed: 20_211_130)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ {}\u{0}é".utf8)
        for round in 0..<300 {
            var bytes = Array(jws.utf8)
            for _ in 0...(round % 3) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = alphabet.randomElement(using: &random)!
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let result = try verify(text)
            if result.isValid {
                // Only base64url padding bits may change without changing the signed or signature bytes.
                let parsed = try CompactJWS(parsing: text)
                #expect(parsed.signingInput == original.signingInput && parsed.signature == original.signature)
            } else {
                #expect(!result.errors.isEmpty, "round \(round)")
            }
        }
    }

    @Test func tamperedPayloadFailsTheSignature() throws {
        let jws = try VCFixtures.issued()
        let tampered = try VCFixtures.resign(jws, key: VCFixtures.otherKey) {
            $0["validUntil"] = .string("2099-01-01T00:00:00Z")
        }
        let parts = jws.split(separator: ".")
        let swapped = [String(parts[0]), String(tampered.split(separator: ".")[1]), String(parts[2])].joined(
            separator: ".")
        let result = try verify(swapped)
        #expect(result.checks.signature == .fail)
        #expect(result.errors.map(\.code) == ["JWS_SIGNATURE_INVALID"])
    }

    @Test func wrongKeyFailsTheSignature() throws {
        let impostor = VCIssuer(
            signingKey: VCFixtures.otherKey, issuer: VCFixtures.issuerID, keyID: VCFixtures.issuer.keyID)
        let jws = try impostor.issue(
            VCFixtures.record(), issuedAt: VCFixtures.issuedAt, expiresAt: VCFixtures.expiresAt)
        let result = try verify(jws)
        #expect(result.errors.map(\.code) == ["JWS_SIGNATURE_INVALID"])
        #expect(!result.isValid)
    }

    @Test func unknownKeyID() throws {
        let other = VCIssuer(signingKey: VCFixtures.otherKey, issuer: VCFixtures.issuerID)
        let jws = try other.issue(VCFixtures.record(), issuedAt: VCFixtures.issuedAt, expiresAt: VCFixtures.expiresAt)
        #expect(try verify(jws).errors.map(\.code) == ["UNKNOWN_KEY"])
    }

    @Test func keysOfAnotherIssuerAreNotUsed() throws {
        let store = try VCFixtures.trustStore(boundTo: VCFixtures.otherIssuerID)
        let result = try verify(VCFixtures.issued(), store: store)
        #expect(result.errors.map(\.code) == ["UNKNOWN_KEY"])
        let impostor = VCIssuer(signingKey: VCFixtures.key, issuer: VCFixtures.otherIssuerID)
        let claimed = try impostor.issue(
            VCFixtures.record(), issuedAt: VCFixtures.issuedAt, expiresAt: VCFixtures.expiresAt)
        #expect(try verify(claimed).errors.map(\.code) == ["UNKNOWN_KEY"])
    }

    @Test func issClaimMustMatchTheIssuer() throws {
        let jws = try VCFixtures.resign(VCFixtures.issued()) { $0["iss"] = .string(VCFixtures.otherIssuerID) }
        #expect(try verify(jws).errors.map(\.code) == ["VC_INVALID_ISSUER"])
    }

    @Test func expiredAndNotYetValid() throws {
        let jws = try VCFixtures.issued()
        #expect(try verify(jws, at: Date(timeIntervalSince1970: 1_700_000_000)).errors.map(\.code) == ["EXPIRED"])
        #expect(try verify(jws, at: Date(timeIntervalSince1970: 1_600_000_000)).errors.map(\.code) == ["NOT_YET_VALID"])
        let late = try VCFixtures.resign(jws) { $0["nbf"] = .integer(1_640_000_000) }
        #expect(try verify(late).errors.map(\.code) == ["NOT_YET_VALID"])
        let bad = try VCFixtures.resign(jws) { $0["validUntil"] = .string("2022-06-01") }
        #expect(try verify(bad).errors.map(\.code).contains("VC_INVALID_TIME"))
    }

    @Test func oversizedInput() throws {
        let result = try verify(String(repeating: "A", count: 70_000) + ".e30.AAAA")
        #expect(result.errors.map(\.code) == ["JWS_TOO_LARGE"])
        #expect(!VCVerifier.canRead((String(repeating: "A", count: 70_000) + ".e30.AAAA")[...]))
    }

    @Test func missingKeyID() throws {
        let jws = try CompactJWS(parsing: VCFixtures.issued())
        let header = JWSHeader(type: "vc+jwt")
        let resigned = try CompactJWS(signing: jws.payload, header: header, key: VCFixtures.key).text
        #expect(try verify(resigned).errors.map(\.code) == ["MISSING_KID"])
    }

    @Test func notACredential() throws {
        let payload = JSONSerializer.serialize(.object(["iss": .string(VCFixtures.issuerID)]))
        let plain = try CompactJWS(signing: payload, header: JWSHeader(keyID: "k"), key: VCFixtures.key).text
        #expect(try verify(plain).errors.map(\.code) == ["VC_NOT_A_CREDENTIAL"])
        #expect(!VCVerifier.canRead(plain[...]))
        let wrongType = try CompactJWS(
            signing: payload, header: JWSHeader(keyID: "k", type: "JWT"), key: VCFixtures.key)
        #expect(try verify(wrongType.text).errors.map(\.code) == ["VC_NOT_A_CREDENTIAL"])
        let notJSON = try CompactJWS(
            signing: Array("not json".utf8), header: JWSHeader(keyID: "k", type: "vc+jwt"), key: VCFixtures.key)
        #expect(try verify(notJSON.text).errors.map(\.code) == ["VC_PAYLOAD_JSON"])
    }

    @Test func schemaViolationsAreReported() throws {
        let jws = try VCFixtures.resign(VCFixtures.issued()) { payload in
            payload["@context"] = .array([.string("https://www.w3.org/2018/credentials/v1")])
            payload["credentialSubject"] = .object(["type": .string("VaccinationEvent")])
        }
        let result = try verify(jws)
        #expect(result.checks.signature == .pass)
        #expect(result.checks.schema == .fail)
        #expect(result.errors.map(\.code) == ["VC_SCHEMA"])
        #expect(result.credential == nil)
        #expect(result.credentialWarnings.map(\.code) == ["VC_NOT_MAPPED"])
    }

    @Test(arguments: ["", "garbage", "a.b.c", "HC1:NCF", "eyJhbGciOiJFUzI1NiJ9..", "....", "\u{FEFF}x.y.z"])
    func garbageNeverCrashes(text: String) throws {
        let result = try verify(text)
        #expect(!result.isValid)
        #expect(!result.errors.isEmpty)
        #expect(!VCVerifier.canRead(text[...]))
    }

    @Test func issuanceRejectsWhatItCannotIssue() throws {
        let badIssuer = VCIssuer(signingKey: VCFixtures.key, issuer: "http://not-https.example")
        #expect(throws: W3CVCError.self) {
            try badIssuer.issue(VCFixtures.record(), issuedAt: VCFixtures.issuedAt, expiresAt: nil)
        }
        #expect(throws: W3CVCError.self) {
            try VCFixtures.issuer.issue(
                VCFixtures.record(), issuedAt: VCFixtures.expiresAt, expiresAt: VCFixtures.issuedAt)
        }
        let test = try VaccinationRecord(
            json: JSONParser.parse(
                #"""
                {"name": {"family": "Smith"}, "test": {"disease": {"system": "http://snomed.info/sct", "code": "840539006"},
                 "type": {"system": "http://loinc.org", "code": "LP217198-3"}, "sampleTime": "2021-06-11T17:30:00Z",
                 "result": {"system": "http://snomed.info/sct", "code": "260415000"}, "country": "NL"},
                 "certificate": {"issuer": "Ministry"}}
                """#))
        do {
            _ = try VCFixtures.issuer.issue(test, issuedAt: VCFixtures.issuedAt, expiresAt: nil)
            Issue.record("a test record was issued")
        } catch let error as W3CVCError {
            #expect(error.code == "VC_ISSUANCE")
            #expect(!error.message.contains("Smith"))
        }
    }
}
