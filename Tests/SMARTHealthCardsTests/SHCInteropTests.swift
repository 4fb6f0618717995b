import Foundation
import JSON
import SMARTHealthCards
import TestSupport
import Testing

/// An independent check: Python's `jwcrypto` verifies an OpenDVC-issued card (ES256 over the received signing
/// input, raw r‖s), and zlib inflates its payload with windowBits -15. Needs `pip install jwcrypto`; the test
/// fails, never skips, when it is missing.
@Suite("SMART Health Cards: interoperability with jwcrypto")
struct SHCInteropTests {
    static let script = #"""
        import json, sys, zlib
        from jwcrypto import jwk, jws
        jwks_text, token, issuer = sys.argv[1], sys.argv[2], sys.argv[3]
        key = jwk.JWK.from_json(jwks_text)
        assert key.thumbprint() == json.loads(jwks_text)["kid"], "kid is not the RFC 7638 thumbprint"
        sig = jws.JWS()
        sig.deserialize(token)
        sig.verify(key, alg="ES256")
        header = sig.jose_header
        assert header["zip"] == "DEF" and header["alg"] == "ES256", header
        payload = json.loads(zlib.decompress(sig.objects["payload"], -15))
        assert payload["iss"] == issuer
        assert "https://smarthealth.cards#health-card" in payload["vc"]["type"]
        print("OK")
        """#

    @Test func jwcryptoVerifiesAnIssuedCard() throws {
        let (issuer, _) = try SHCTestSupport.freshIssuer()
        let issued = try issuer.issue(SHCTestSupport.record(), issuedAt: Date(timeIntervalSince1970: 1_700_000_000), expiresAt: nil)
        let jwk = JSONSerializer.serializeToString(issuer.publicJWK)
        let (status, output, errors) = try Self.python(["-c", Self.script, jwk, issued.jws, issuer.issuer])
        #expect(status == 0, "python3 with jwcrypto failed (pip install jwcrypto): \(errors)")
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "OK")
    }

    static func python(_ arguments: [String]) throws -> (Int32, String, String) {
        let output = try ExternalProgram.python(arguments)
        return (output.status, output.standardOutput, output.standardError)
    }
}
