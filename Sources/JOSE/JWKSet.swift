import JSON

/// A JSON Web Key Set (RFC 7517 section 5) holding the ES256 keys of one issuer.
///
/// Keys for other uses (`use` other than `sig`, `alg` other than `ES256`) are skipped, not errors: an issuer may
/// publish encryption keys beside its signing keys. A malformed signing key, or a private member in a public
/// set, makes the whole set invalid.
public struct JWKSet: Sendable {
    /// The largest accepted JWKS document.
    public static let maximumSize = 256 * 1024

    /// The signing keys, in document order.
    public let keys: [JWK]
    /// How many keys were skipped for another use or algorithm.
    public let skippedKeyCount: Int

    /// Parses a JWKS document.
    ///
    /// - Parameter requireThumbprintKeyIDs: when true (SMART Health Cards), each signing key's `kid` must be
    ///   its RFC 7638 thumbprint.
    public init(data: some Collection<UInt8>, requireThumbprintKeyIDs: Bool = false) throws {
        guard data.count <= Self.maximumSize else {
            throw JOSEError(.invalidKeySet, "expected a JWKS of at most \(Self.maximumSize) bytes, found \(data.count)")
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(data)
        } catch {
            throw JOSEError(.invalidKeySet, "expected a JWKS JSON document: \(error)")
        }
        try self.init(json: json, requireThumbprintKeyIDs: requireThumbprintKeyIDs)
    }

    /// Reads a parsed JWKS document.
    public init(json: JSONValue, requireThumbprintKeyIDs: Bool = false) throws {
        guard case .array(let entries) = json["keys"] ?? .null else {
            throw JOSEError(.invalidKeySet, "expected an object with a keys array, found none")
        }
        var keys: [JWK] = []
        var skipped = 0
        for (index, entry) in entries.enumerated() {
            guard case .object(let object) = entry else {
                throw JOSEError(.invalidKeySet, "expected key \(index) to be an object, found another JSON type")
            }
            guard object["d"] == nil else {
                throw JOSEError(.invalidKeySet, "expected public keys only, found a private member d in key \(index)")
            }
            let use = object["use"]?.stringValue
            let alg = object["alg"]?.stringValue
            if (use != nil && use != "sig") || (alg != nil && alg != "ES256") {
                skipped += 1
                continue
            }
            let key: JWK
            do {
                key = try JWK(json: entry)
            } catch let error as JOSEError {
                throw JOSEError(error.errorCode, "key \(index): \(error.message)")
            }
            if requireThumbprintKeyIDs, key.keyID != key.thumbprint {
                throw JOSEError(.wrongKeyID, "expected the kid of key \(index) to be its RFC 7638 thumbprint, found another value")
            }
            keys.append(key)
        }
        self.keys = keys
        self.skippedKeyCount = skipped
    }

    /// The signing keys whose `kid` is `keyID`.
    public func keys(withID keyID: String) -> [JWK] {
        keys.filter { $0.keyID == keyID }
    }
}
