import Crypto
import Foundation
import JOSE
import JSON
import TestSupport
import Testing

@Suite("Compact JWS (RFC 7515), ES256")
struct CompactJWSTests {
    static let exampleKeys = "shc/examples/issuer/.well-known/jwks.json"

    func exampleJWS(_ number: Int) throws -> String {
        String(decoding: try TestData.data("shc/examples/example-0\(number)-d-jws.txt"), as: UTF8.self)
    }

    func key0() throws -> P256.Signing.PublicKey {
        let set = try JWKSet(data: Array(TestData.data(Self.exampleKeys)))
        return try #require(set.keys(withID: "3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s").first).publicKey
    }

    @Test func parsesAndVerifiesSpecExample() throws {
        let jws = try CompactJWS(parsing: exampleJWS(0))
        #expect(jws.header.algorithm == "ES256")
        #expect(jws.header.compression == "DEF")
        #expect(jws.header.keyID == "3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s")
        #expect(jws.header.type == nil)
        #expect(jws.signature.count == 64)
        #expect(String(decoding: jws.signingInput, as: UTF8.self) + "." + Base64URL.encode(jws.signature) == jws.text)
        try jws.verify(with: key0())
    }

    @Test func signsAndVerifiesRoundTrip() throws {
        let key = P256.Signing.PrivateKey()
        let header = JWSHeader(keyID: "k1", type: "JWT", additional: ["x-extra": .integer(1)])
        let jws = try CompactJWS(signing: Array(#"{"a":1}"#.utf8), header: header, key: key)
        let parsed = try CompactJWS(parsing: jws.text)
        #expect(parsed.payload == Array(#"{"a":1}"#.utf8))
        #expect(parsed.header.keyID == "k1")
        #expect(parsed.header.type == "JWT")
        #expect(parsed.header.json["x-extra"] == .integer(1))
        try parsed.verify(with: key.publicKey)
        #expect(!parsed.isValidSignature(for: P256.Signing.PrivateKey().publicKey))
        #expect(throws: JOSEError(.signatureInvalid, "")) { try parsed.verify(with: P256.Signing.PrivateKey().publicKey) }
    }

    @Test(arguments: [
        ("", JOSEError.Code.malformedJWS),
        ("abc", .malformedJWS),
        ("a.b", .malformedJWS),
        ("a.b.c.d", .malformedJWS),
        (".e30.AAAA", .malformedJWS),
        ("e30.e30.", .malformedJWS),
        ("e30=.e30.AAAA", .invalidBase64URL),
        ("e3 0.e30.AAAA", .invalidBase64URL),
        ("W10.e30.AAAA", .invalidHeader),  // header []
        ("bnVsbA.e30.AAAA", .invalidHeader),  // header null
        ("e30.e30.AAAA", .unsupportedAlgorithm),  // {} has no alg
        ("eyJhbGciOiJub25lIn0.e30.AAAA", .unsupportedAlgorithm),  // alg none
        ("eyJhbGciOiJIUzI1NiJ9.e30.AAAA", .unsupportedAlgorithm),  // alg HS256
        ("eyJhbGciOjF9.e30.AAAA", .invalidHeader),  // alg 1
        ("eyJhbGciOiJFUzI1NiJ9.e30.AAAA", .signatureFormat),  // 3-byte signature
    ])
    func rejectsMalformedInput(text: String, code: JOSEError.Code) {
        #expect(throws: JOSEError(code, "")) { try CompactJWS(parsing: text) }
    }

    @Test func rejectsCritHeader() throws {
        let header = Base64URL.encode(Array(#"{"alg":"ES256","crit":["b64"],"b64":false}"#.utf8))
        #expect(throws: JOSEError(.invalidHeader, "")) {
            try CompactJWS(parsing: header + ".e30." + Base64URL.encode([UInt8](repeating: 1, count: 64)))
        }
    }

    @Test func rejectsOversizedText() {
        let text = String(repeating: "A", count: CompactJWS.defaultMaximumLength + 1)
        #expect(throws: JOSEError(.jwsTooLarge, "")) { try CompactJWS(parsing: text) }
        #expect(throws: JOSEError(.jwsTooLarge, "")) { try CompactJWS(parsing: "e30.e30.AAAA", maximumLength: 5) }
    }

    /// The dev-tools fixtures carry DER signatures (70 to 72 bytes); a strict verifier rejects them by format.
    @Test(arguments: ["", "-r-neg", "-s-neg", "-rs-neg"])
    func rejectsDERSignatures(suffix: String) throws {
        let text = String(decoding: try TestData.data("shc-devtools/test-example-00-d-jws-der-signature\(suffix).txt"), as: UTF8.self)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(throws: JOSEError(.signatureFormat, "")) { try CompactJWS(parsing: trimmed) }
        do {
            _ = try CompactJWS(parsing: trimmed)
        } catch let error as JOSEError {
            #expect(error.message.contains("DER"))
        }
    }

    @Test func everyPrefixOfAJWSFailsCleanly() throws {
        let text = try exampleJWS(0)
        let key = try key0()
        let bytes = Array(text.utf8)
        for end in 0..<bytes.count {
            let prefix = String(decoding: bytes[..<end], as: UTF8.self)
            if let jws = try? CompactJWS(parsing: prefix) {
                #expect(!jws.isValidSignature(for: key), "prefix of length \(end) verified")
            }
        }
    }

    @Test func tamperedPayloadDoesNotVerify() throws {
        var bytes = Array(try exampleJWS(0).utf8)
        let dot = try #require(bytes.firstIndex(of: UInt8(ascii: ".")))
        bytes[dot + 5] = bytes[dot + 5] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        let jws = try CompactJWS(parsing: String(decoding: bytes, as: UTF8.self))
        #expect(throws: JOSEError(.signatureInvalid, "")) { try jws.verify(with: key0()) }
    }

    @Test func errorMessagesDoNotEchoHeaderValues() {
        let header = Base64URL.encode(Array(#"{"alg":"John Doe 1951-01-20 secret"}"#.utf8))
        do {
            _ = try CompactJWS(parsing: header + ".e30.AAAA")
            Issue.record("expected an error")
        } catch let error as JOSEError {
            #expect(error.errorCode == .unsupportedAlgorithm)
            #expect(!error.message.contains("John"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
