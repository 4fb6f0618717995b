import JOSE
import JSON

/// Builds a ``JOSE/JWKSet`` from the key objects of a trust-list issuer.
enum JWKSetBuilder {
    static func keySet(_ keys: [JSONObject]) throws -> JWKSet {
        try JWKSet(json: .object(["keys": .array(keys.map(JSONValue.object))]))
    }
}
