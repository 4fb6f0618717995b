import Foundation
import JOSE
import JSON
import TestSupport
import Testing

@Suite("JWK and JWKS (RFC 7517, RFC 7638 thumbprints)")
struct JWKSetTests {
    /// The SMART Health Cards spec requires kid = RFC 7638 thumbprint: every published signing key must agree.
    @Test(arguments: ["shc/examples/issuer/.well-known/jwks.json", "shc-devtools/issuer.jwks.public.json"])
    func thumbprintsOfPublishedKeysEqualTheirKids(path: String) throws {
        let set = try JWKSet(data: Array(TestData.data(path)), requireThumbprintKeyIDs: true)
        #expect(!set.keys.isEmpty)
        for key in set.keys { #expect(key.thumbprint == key.keyID) }
    }

    @Test func keysForOtherUsesAreSkipped() throws {
        // The dev-tools issuer set has an encryption key (use enc, alg ECDH-ES) beside two signing keys.
        let set = try JWKSet(data: Array(TestData.data("shc-devtools/issuer.jwks.public.json")))
        #expect(set.keys.count == 2)
        #expect(set.skippedKeyCount == 1)
        #expect(set.keys(withID: "3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s").count == 1)
    }

    @Test func rejectsNonJWKSDocuments() throws {
        #expect(throws: JOSEError.self) { _ = try JWKSet(data: Array(TestData.data("shc-devtools/badjwks/.well-known/jwks.json"))) }
        #expect(throws: JOSEError.self) { _ = try JWKSet(data: Array(#"{"keys": {}}"#.utf8)) }
        #expect(throws: JOSEError.self) { _ = try JWKSet(data: Array(#"[]"#.utf8)) }
    }

    static let x = "11XvRWy1I2S0EyJlyf_bWfw_TQ5CJJNLw78bHXNxcgw"
    static let y = "eZXwxvO1hvCY0KucrPfKo7yAyMT6Ajc3N7OkAB6VYy8"

    @Test(arguments: [
        (#"{"kty":"RSA","n":"AQAB","e":"AQAB"}"#, "JWK_INVALID"),
        (#"{"kty":"EC","crv":"P-384","x":"\#(x)","y":"\#(y)"}"#, "JWK_INVALID"),
        (#"{"kty":"EC","crv":"P-256","x":"\#(x)"}"#, "JWK_INVALID"),
        (#"{"kty":"EC","crv":"P-256","x":"\#(x)","y":"\#(x)"}"#, "JWK_INVALID"),  // not on the curve
        (#"{"kty":"EC","crv":"P-256","x":"AAAA","y":"\#(y)"}"#, "JWK_INVALID"),
        (#"{"kty":"EC","crv":"P-256","x":"\#(x)","y":"\#(y)","d":"AAAA"}"#, "JWKS_INVALID"),
        (#"{"kty":"EC","crv":"P-256","x":"\#(x)","y":"\#(y)","kid":"not-the-thumbprint"}"#, "JWK_WRONG_KID"),
    ])
    func rejectsBadKeys(key: String, code: String) {
        #expect {
            _ = try JWKSet(data: Array(#"{"keys":[\#(key)]}"#.utf8), requireThumbprintKeyIDs: true)
        } throws: { ($0 as? JOSEError)?.code == code }
    }

    @Test func everyPrefixOfAJWKSIsRejectedOrReadWithoutCrashing() throws {
        let bytes = Array(try TestData.data("shc-devtools/issuer.jwks.public.json"))
        for end in stride(from: 0, to: bytes.count, by: 7) {
            #expect(throws: JOSEError.self) { _ = try JWKSet(data: bytes.prefix(end)) }
        }
    }
}
