import Crypto
import JSON

extension JWK {
    /// The required public members of a P-256 key (RFC 7518 section 6.2.1): `kty`, `crv`, `x`, `y`.
    public static func publicMembers(of key: P256.Signing.PublicKey) -> JSONObject {
        let point = Array(key.x963Representation)
        return [
            "kty": .string("EC"), "crv": .string("P-256"), "x": .string(Base64URL.encode(point[1...32])),
            "y": .string(Base64URL.encode(point[33...64])),
        ]
    }

    /// The RFC 7638 thumbprint of a P-256 public key: base64url SHA-256 of its required members in canonical form.
    public static func thumbprint(of key: P256.Signing.PublicKey) -> String {
        let point = Array(key.x963Representation)
        return thumbprint(x: Base64URL.encode(point[1...32]), y: Base64URL.encode(point[33...64]))
    }

    /// The RFC 7638 thumbprint from the base64url coordinates: required members only, lexicographic order, no
    /// whitespace.
    static func thumbprint(x: String, y: String) -> String {
        let canonical = #"{"crv":"P-256","kty":"EC","x":""# + x + #"","y":""# + y + #""}"#
        return Base64URL.encode(Array(SHA256.hash(data: Array(canonical.utf8))))
    }

    /// The JWK an issuer publishes for an ES256 signing key: the public members, `kid` (the thumbprint unless
    /// given), `use: sig` and `alg: ES256`.
    public static func signingKeyJSON(for key: P256.Signing.PublicKey, keyID: String? = nil) -> JSONObject {
        var object = publicMembers(of: key)
        object["kid"] = .string(keyID ?? thumbprint(of: key))
        object["use"] = .string("sig")
        object["alg"] = .string("ES256")
        return object
    }
}
