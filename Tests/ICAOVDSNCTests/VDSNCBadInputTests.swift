import CredentialVerification
import Foundation
import ICAOVDSNC
import JSON
import TestSupport
import Testing
import Trust
import VaccinationRecord

@Suite("VDS-NC bad input: every failure has a code, nothing crashes")
struct VDSNCBadInputTests {
    let fixture: VDSNCFixture
    let text: String

    init() throws {
        fixture = try VDSNCFixture()
        text = try fixture.issue(try VDSNCFixture.vaccination())
    }

    /// The seal with one edit applied to its parsed JSON, written back compactly.
    func edited(_ edit: (inout JSONObject) -> Void) throws -> String {
        guard case .object(var seal) = try JSONParser.parse(text) else { throw CancellationError() }
        edit(&seal)
        return JSONSerializer.serializeToString(.object(seal))
    }

    func codes(_ result: VerificationResult) -> [String] { result.errors.map(\.code) }

    @Test func everyTruncationFailsDecodingWithACode() {
        let bytes = Array(text.utf8)
        for length in 0..<bytes.count {
            let prefix = String(decoding: bytes[..<length], as: UTF8.self)
            let result = fixture.verify(prefix)
            #expect(!result.isValid)
            #expect(result.checks.decode == .fail, "prefix of \(length) bytes")
            #expect(result.errors.count == 1 && !result.errors[0].code.isEmpty)
        }
    }

    @Test func tamperedDataFailsTheSignature() throws {
        let tampered = text.replacingOccurrences(of: "MUELLER", with: "MUELLEX")
        #expect(tampered != text)
        let result = fixture.verify(tampered)
        #expect(result.checks.decode == .pass)
        #expect(result.checks.signature == .fail)
        #expect(codes(result) == ["ICAO_SIGNATURE_INVALID"])
        #expect(!result.isValid)
    }

    @Test func anAddedDataMemberFailsTheSignatureAndTheSchema() throws {
        let tampered = try edited { seal in
            guard case .object(var data)? = seal["data"] else { return }
            data["extra"] = "x"
            seal["data"] = .object(data)
        }
        let result = fixture.verify(tampered)
        #expect(codes(result) == ["ICAO_SIGNATURE_INVALID", "SCHEMA_INVALID"])
    }

    @Test func aTamperedSignatureFails() throws {
        let tampered = try edited { seal in
            guard case .object(var sig)? = seal["sig"], let value = sig["sigvl"]?.stringValue else { return }
            let flipped = value.first == "A" ? "B" : "A"
            sig["sigvl"] = .string(flipped + value.dropFirst())
            seal["sig"] = .object(sig)
        }
        #expect(codes(fixture.verify(tampered)) == ["ICAO_SIGNATURE_INVALID"])
    }

    @Test func aShortSignatureFails() throws {
        let tampered = try edited { seal in
            guard case .object(var sig)? = seal["sig"] else { return }
            sig["sigvl"] = "AAAA"
            seal["sig"] = .object(sig)
        }
        #expect(codes(fixture.verify(tampered)) == ["ICAO_SIGNATURE_INVALID"])
    }

    @Test(arguments: ["ES384", "RS256", "none"])
    func anotherAlgorithmFails(algorithm: String) throws {
        let tampered = try edited { seal in
            guard case .object(var sig)? = seal["sig"] else { return }
            sig["alg"] = .string(algorithm)
            seal["sig"] = .object(sig)
        }
        #expect(codes(fixture.verify(tampered)) == ["ICAO_UNSUPPORTED_ALGORITHM"])
    }

    @Test func aCertificateThatIsNotOneFails() throws {
        let tampered = try edited { seal in
            guard case .object(var sig)? = seal["sig"] else { return }
            sig["cer"] = "MIIBAAAA"
            seal["sig"] = .object(sig)
        }
        let result = fixture.verify(tampered)
        #expect(codes(result) == ["ICAO_INVALID_CERTIFICATE"])
        #expect(result.checks.time == .skipped)
    }

    @Test(arguments: [
        (
            #"{"data":{"hdr":{"t":"icao.vacc","v":1,"is":"UTO"},"msg":{}},"sig":{"alg":"ES256","cer":"+/+/","sigvl":"AA"}}"#,
            "ICAO_INVALID_PAYLOAD"
        ),
        (
            #"{"data":{"hdr":{"t":"icao.vacc","v":1,"is":"UTO"},"msg":{}},"sig":{"alg":"ES256","cer":"AAAA","sigvl":"A"}}"#,
            "ICAO_INVALID_PAYLOAD"
        ),
        (#"{"data":{"hdr":{"t":"icao.vacc","v":1,"is":"UTO"},"msg":{}}}"#, "ICAO_INVALID_PAYLOAD"),
        (
            #"{"data":{"hdr":{"t":"icao.vacc","v":1,"is":"UTO"},"msg":{}},"sig":{"alg":1,"cer":"AAAA","sigvl":"AAAA"}}"#,
            "ICAO_INVALID_PAYLOAD"
        ),
        (#"{"data":{"hdr":{"t":"icao.test","v":1,"is":"UTO"},"msg":{}},"sig":{}}"#, "ICAO_UNSUPPORTED_TYPE"),
        (#"{"data":{"hdr":{"t":"icao.vacc","v":2,"is":"UTO"},"msg":{}},"sig":{}}"#, "ICAO_UNSUPPORTED_TYPE"),
        (#"{"data":[],"sig":{}}"#, "ICAO_INVALID_PAYLOAD"),
        (#"[]"#, "ICAO_INVALID_PAYLOAD"),
        (#"{"data":{},"data":{}}"#, "JSON_DUPLICATE_KEY"),
        ("{\"data\":\"\u{FFFD}\"", "JSON_UNEXPECTED_END"),
        ("", "JSON_UNEXPECTED_END"),
    ])
    func malformedSealsFailDecoding(seal: String, code: String) {
        let result = fixture.verify(seal)
        #expect(result.checks.decode == .fail)
        #expect(codes(result) == [code])
    }

    @Test func oversizedInputIsRefusedBeforeParsing() {
        let huge = #"{"data":{"hdr":{"t":"icao.vacc"}},"pad":""# + String(repeating: "x", count: 20_000) + #""}"#
        #expect(VDSNCVerifier.canRead(huge[...]))
        #expect(codes(fixture.verify(huge)) == ["ICAO_TOO_LARGE"])
    }

    @Test func deepJSONIsRefused() {
        let deep = #"{"data":"# + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "}"
        #expect(codes(fixture.verify(deep)) == ["JSON_TOO_DEEP"])
        #expect(!VDSNCVerifier.canRead(deep[...]))
    }

    @Test func schemaViolationsAreCollectedWithoutValues() throws {
        let tampered = try edited { seal in
            guard case .object(var data)? = seal["data"], case .object(var message)? = data["msg"],
                case .object(var pid)? = message["pid"]
            else { return }
            pid["n"] = .string(String(repeating: "SECRETNAME ", count: 5))
            pid["sex"] = "Q"
            pid["dob"] = nil
            message["pid"] = .object(pid)
            message["uvci"] = .integer(5)
            data["msg"] = .object(message)
            seal["data"] = .object(data)
        }
        let result = fixture.verify(tampered)
        #expect(codes(result) == ["ICAO_SIGNATURE_INVALID", "SCHEMA_INVALID"])
        let message = result.errors.last?.message ?? ""
        #expect(message.contains("data.msg.pid.n: expected at most 39 characters, found 55"))
        #expect(message.contains("data.msg.pid.sex"))
        #expect(message.contains("data.msg.uvci: expected a string, found a number"))
        #expect(message.contains("expected dob or i"))
        #expect(!message.contains("SECRETNAME"))
        // Without uvci the record cannot be built: reported, not a crash.
        #expect(result.credential == nil)
        #expect(result.credentialWarnings.map(\.code) == ["ICAO_UNMAPPABLE"])
    }

    @Test func randomMutationsNeverCrash() {
        var generator = SeededGenerator(seed: 2021)
        let bytes = Array(text.utf8)
        for _ in 0..<300 {
            var mutated = bytes
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<mutated.count, using: &generator)
                mutated[index] = UInt8.random(in: 0x20...0x7E, using: &generator)
            }
            let result = fixture.verify(String(decoding: mutated, as: UTF8.self))
            if !result.isValid { #expect(!result.errors.isEmpty) }
            _ = result.json
        }
    }
}
