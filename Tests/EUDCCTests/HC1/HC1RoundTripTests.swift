import COSE
import CredentialVerification
import EUDCC
import Foundation
import JSON
import Testing
import Trust
import VaccinationRecord
import Verifier

@Suite("HC1 issue and verify")
struct HC1RoundTripTests {
    @Test(arguments: ["vaccination", "test", "recovery"])
    func issuedCertificatesVerifyAndGiveBackTheRecord(kind: String) throws {
        let fixture = try HC1Fixture()
        let record: VaccinationRecord
        switch kind {
        case "test": record = try HC1Fixture.record(HC1Fixture.testRecord)
        case "recovery": record = try HC1Fixture.record(HC1Fixture.recoveryRecord)
        default: record = try HC1Fixture.exampleRecord
        }
        let issued = try fixture.issuer.issue(record, issuedAt: fixture.now)
        #expect(issued.text.hasPrefix("HC1:"))
        let result = fixture.verifier.verify(issued.text, at: fixture.now.addingTimeInterval(60))
        #expect(result.isValid, "\(result.errors)")
        #expect(result.format == .euDCC)
        #expect(result.checks.decode == .pass && result.checks.signature == .pass && result.checks.keyUsage == .pass)
        #expect(result.checks.time == .pass && result.checks.schema == .pass && result.checks.revocation == .skipped)
        #expect(result.issuer == "DE")
        #expect(result.keyID == Data(fixture.certificate.kid).base64EncodedString())
        // The record that comes back is the one issued (with its assigned HCID and period), field by field
        // where the EU DCC carries the field: it has no lot number, and adds `ver` and the ICAO names.
        let decoded = try #require(result.credential)
        #expect(decoded.comparableAcrossFormats == issued.record.comparableAcrossFormats, "\(decoded.json)")
        #expect(issued.record.certificate.hcid?.hasPrefix("URN:UVCI:01:DE:") == true)
        #expect(decoded.certificate.hcid == issued.record.certificate.hcid)
        #expect(decoded.certificate.period == issued.record.certificate.period)
        #expect(decoded.certificate.version == "1.3.0")
        #expect(decoded.name.family == record.name.family && decoded.name.given == record.name.given)
        #expect(decoded.event.kindName == record.event.kindName)
    }

    @Test func transliteratedNamesAreWrittenInTheDCC() throws {
        let fixture = try HC1Fixture()
        let issued = try fixture.issuer.issue(try HC1Fixture.record(HC1Fixture.recoveryRecord), issuedAt: fixture.now)
        let result = fixture.verifier.verify(issued.text, at: fixture.now)
        #expect(result.formatPayload?["nam"]?["fnt"] == .string("OEDEGAARD"))
        #expect(result.formatPayload?["nam"]?["gnt"] == .string("AASE"))
        #expect(result.formatPayload?["dob"] == .string("1990-02"))
    }

    @Test func expiryIsIssuedAtPlusTheValidity() throws {
        let fixture = try HC1Fixture()
        let record = try HC1Fixture.exampleRecord
        let issued = try fixture.issuer.issue(record, issuedAt: fixture.now, expiresAt: fixture.now.addingTimeInterval(86_400))
        let claims = try CWTClaims(decoding: try COSESign1(decoding: issued.cose).payload)
        #expect(claims.issuedAt == fixture.now.timeIntervalSince1970.rounded(.down))
        #expect(claims.expirationTime == fixture.now.timeIntervalSince1970.rounded(.down) + 86_400)
        #expect(fixture.verifier.verify(issued.text, at: fixture.now.addingTimeInterval(86_400)).checks.time == .pass)
        let late = fixture.verifier.verify(issued.text, at: fixture.now.addingTimeInterval(86_401))
        #expect(late.checks.time == .fail && late.errors.map(\.code) == ["EXPIRED"])
        let early = fixture.verifier.verify(issued.text, at: fixture.now.addingTimeInterval(-1))
        #expect(early.checks.time == .fail && early.errors.map(\.code) == ["NOT_YET_VALID"])
    }

    @Test func aSignerWithoutTheTypeInItsEKUFailsKeyUsage() throws {
        let fixture = try HC1Fixture(types: [.vaccination])
        let issued = try fixture.issuer.issue(try HC1Fixture.record(HC1Fixture.testRecord), issuedAt: fixture.now)
        let result = fixture.verifier.verify(issued.text, at: fixture.now)
        #expect(!result.isValid)
        #expect(result.checks.signature == .pass)
        #expect(result.checks.keyUsage == .fail)
        #expect(result.errors.map(\.code) == ["KEY_USAGE_NOT_ALLOWED"])
    }

    @Test func anUnknownKeyIsASignatureFailure() throws {
        let fixture = try HC1Fixture()
        let other = try HC1Fixture()
        let issued = try fixture.issuer.issue(try HC1Fixture.exampleRecord, issuedAt: fixture.now)
        let result = other.verifier.verify(issued.text, at: fixture.now)
        #expect(!result.isValid)
        #expect(result.checks.signature == .fail)
        #expect(result.checks.keyUsage == .skipped)
        #expect(result.errors.map(\.code) == ["UNKNOWN_KEY"])
        #expect(result.credential != nil)  // decoded, but not to be trusted
    }

    @Test func aKeyThatDoesNotBelongToTheCertificateIsRefused() throws {
        let fixture = try HC1Fixture()
        let other = try HC1Fixture()
        #expect(throws: EUDCCError.self) {
            _ = try HC1Issuer(signingKey: other.setup.dscPrivateKey, certificate: fixture.certificate)
        }
    }

    @Test func theJSONContractHasEveryMember() throws {
        let fixture = try HC1Fixture()
        let issued = try fixture.issuer.issue(try HC1Fixture.exampleRecord, issuedAt: fixture.now)
        let json = fixture.verifier.verify(issued.text, at: fixture.now).json
        #expect(json.objectValue?.keys == ["format", "valid", "checks", "errors", "issuer", "kid", "credential"])
        #expect(json["checks"]?.objectValue?.keys == ["decode", "signature", "keyUsage", "time", "schema", "revocation"])
        #expect(json["credential"]?["vaccination"]?["lot"] == nil)  // the EU DCC carries no lot number
        #expect(json["credential"]?["vaccination"]?["brand"]?["code"] == .string("EU/1/20/1528"))
    }
}

extension VaccinationRecord {
    /// The record without the fields the EU DCC does not carry (lot) or adds (transliterated names, `ver`).
    var comparableAcrossFormats: VaccinationRecord {
        var copy = self
        copy.name.familyTransliterated = nil
        copy.name.givenTransliterated = nil
        copy.certificate.version = nil
        if case .vaccination(var event) = copy.event {
            event.lot = nil
            copy.event = .vaccination(event)
        }
        return copy
    }
}

extension RecordEvent {
    var kindName: String {
        switch self {
        case .vaccination: return "vaccination"
        case .test: return "test"
        case .recovery: return "recovery"
        }
    }
}
