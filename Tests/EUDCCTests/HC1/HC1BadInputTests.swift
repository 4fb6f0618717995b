import Base45
import CBOR
import COSE
import CredentialVerification
import Deflate
import EUDCC
import Foundation
import TestSupport
import Testing
import Verifier

/// Malformed payloads end with an invalid result and an error code, never a crash or a hang.
@Suite("HC1 bad input")
struct HC1BadInputTests {
    @Test func everyPrefixOfAValidPayloadIsInvalidWithACode() throws {
        let fixture = try HC1Fixture()
        let text = try fixture.issuer.issue(try HC1Fixture.exampleRecord, issuedAt: fixture.now).text
        var codes: Set<String> = []
        for end in 0..<text.count {
            let result = fixture.verifier.verify(String(text.prefix(end)), at: fixture.now)
            #expect(!result.isValid)
            #expect(result.checks.decode == .fail)
            #expect(!result.errors.isEmpty)
            codes.formUnion(result.errors.map(\.code))
        }
        #expect(codes.isSuperset(of: ["BASE45_INVALID_LENGTH", "DEFLATE_TRUNCATED"]))
    }

    @Test(arguments: [
        ("", "UNKNOWN_FORMAT"),
        ("hello world", "UNKNOWN_FORMAT"),
        ("HC2:6BFOXN*TS0BI$ZD", "HC1_PREFIX"),
        ("HL0:6BFOXN*TS0BI$ZD", "HC1_PREFIX"),
        ("HC1:", "DEFLATE_TRUNCATED"),
        ("HC1:abc", "BASE45_INVALID_CHARACTER"),
        ("HC1:A", "BASE45_INVALID_LENGTH"),
        ("HC1:GGW", "BASE45_VALUE_OUT_OF_RANGE"),
    ])
    func rejectsMalformedText(text: String, code: String) throws {
        let fixture = try HC1Fixture()
        let result = fixture.verifier.verify(text, at: fixture.now)
        #expect(!result.isValid)
        #expect(result.errors.first?.code == code, "\(result.errors)")
    }

    @Test func rejectsOversizedText() throws {
        let fixture = try HC1Fixture()
        let result = fixture.verifier.verify("HC1:" + String(repeating: "A", count: 5000), at: fixture.now)
        #expect(result.errors.map(\.code) == ["HC1_TOO_LARGE"])
    }

    @Test func rejectsZipBombs() throws {
        let fixture = try HC1Fixture()
        let bomb = try Deflater.deflate([UInt8](repeating: 0xA0, count: 1_000_000), format: .zlib)
        let result = fixture.verifier.verify("HC1:" + Base45.encode(bomb), at: fixture.now)
        #expect(result.errors.map(\.code) == ["DEFLATE_TOO_LARGE"])
    }

    /// Wraps CBOR as HC1 text (valid transport, arbitrary content).
    static func wrap(_ value: CBORValue) throws -> String {
        try HC1Transport.encode(cose: CBOR.encode(value))
    }

    @Test func rejectsWrongStructuresWithCodes() throws {
        let fixture = try HC1Fixture()
        let nested = (0..<100).reduce(CBORValue.null) { inner, _ in .array([inner]) }
        let claimsWithoutHcert = try CBOR.encode(.map([.init(.integer(1), .textString("DE"))]))
        let claimsWithBytesDCC = try CBOR.encode(
            .map([.init(.integer(-260), .map([.init(.integer(1), .map([.init(.textString("ver"), .byteString([1]))]))]))]))
        let cases: [(CBORValue, String)] = [
            (.textString("not COSE"), "COSE_MALFORMED"),
            (.tagged(18, .array([])), "COSE_MALFORMED"),
            (nested, "CBOR_TOO_DEEP"),
            (.tagged(18, .array([.byteString([]), .map([]), .byteString([0xFF]), .byteString([])])), "CBOR_INVALID_INDEFINITE"),
            (.tagged(18, .array([.byteString([]), .map([]), .byteString(claimsWithoutHcert), .byteString([])])), "HC1_MISSING_HCERT"),
            (.tagged(18, .array([.byteString([]), .map([]), .byteString(claimsWithBytesDCC), .byteString([])])), "HC1_INVALID_PAYLOAD"),
        ]
        for (value, code) in cases {
            let result = fixture.verifier.verify(try Self.wrap(value), at: fixture.now)
            #expect(!result.isValid)
            #expect(result.checks.decode == .fail)
            #expect(result.errors.first?.code == code, "\(result.errors)")
        }
    }

    @Test func randomMutationsNeverCrashAndNeverVerify() throws {
        let fixture = try HC1Fixture()
        let issued = try fixture.issuer.issue(try HC1Fixture.exampleRecord, issuedAt: fixture.now)
        var generator = SeededGenerator(seed: 2026)
        let session = fixture.verifier.makeSession()
        var stillValid = 0
        for _ in 0..<1500 {
            var cose = issued.cose
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                cose[Int.random(in: 0..<cose.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            let text = try HC1Transport.encode(cose: cose)
            let result = session.verify(text[...], at: fixture.now)
            if result.isValid { stillValid += 1 }
            #expect(result.isValid || !result.errors.isEmpty)
        }
        // A mutation can only keep the certificate valid by touching unsigned bytes (the unprotected header
        // is an empty map here, so practically none) or by changing a byte to its own value.
        #expect(stillValid < 30)
    }

    @Test func errorsNeverContainPersonalData() throws {
        let fixture = try HC1Fixture()
        let record = try HC1Fixture.exampleRecord
        let issued = try fixture.issuer.issue(record, issuedAt: fixture.now)
        let other = try HC1Fixture()
        for result in [
            other.verifier.verify(issued.text, at: fixture.now),
            fixture.verifier.verify(issued.text, at: fixture.now.addingTimeInterval(400 * 86_400)),
        ] {
            let messages = (result.errors + result.warnings).map { "\($0.code) \($0.message)" }.joined(separator: " ")
            #expect(!result.errors.isEmpty)
            for secret in ["Mustermann", "Erika", "MUSTERMANN", "1964-08-12", issued.text.dropFirst(4).prefix(20)] as [any StringProtocol] {
                #expect(!messages.contains(String(secret)))
            }
        }
    }
}
