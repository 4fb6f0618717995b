import CBOR

/// The claims of a CBOR Web Token (RFC 8392) as used by health certificates.
///
/// Times are NumericDate seconds since 1970 (integers or floats on the wire). Claims other than the
/// registered ones stay available through ``claim(_:)`` as decoded nodes.
public struct CWTClaims: Sendable {
    /// Claim keys (RFC 8392 section 4 and the HCERT specification).
    public enum Key {
        public static let issuer: Int64 = 1
        public static let subject: Int64 = 2
        public static let audience: Int64 = 3
        public static let expirationTime: Int64 = 4
        public static let notBefore: Int64 = 5
        public static let issuedAt: Int64 = 6
        public static let cwtID: Int64 = 7
        /// The health certificate container (`hcert`), a map such as `{1: EU DCC}`.
        public static let healthCertificate: Int64 = -260
    }

    /// `iss` (1): for HCERT the ISO 3166-1 alpha-2 code of the issuing country.
    public let issuer: String?
    /// `exp` (4) in seconds since 1970.
    public let expirationTime: Double?
    /// `nbf` (5) in seconds since 1970.
    public let notBefore: Double?
    /// `iat` (6) in seconds since 1970.
    public let issuedAt: Double?
    /// All claims as decoded.
    public let entries: [CBORNode.MapEntry]

    /// Decodes a claims map from the COSE payload bytes.
    public init(decoding payload: ArraySlice<UInt8>, options: CBOR.DecodingOptions = .default) throws {
        try self.init(node: CBOR.decode(payload, options: options))
    }

    /// Reads a claims map from a decoded node.
    public init(node: CBORNode) throws {
        guard case .map(let entries) = node.content else {
            throw COSEError(.invalidClaims, "expected the CWT payload to be a map, found \(node.typeName)")
        }
        self.entries = entries
        func lookup(_ key: Int64) -> CBORNode? {
            entries.first { $0.key.int64Value == key }?.value
        }
        func time(_ key: Int64, _ name: String) throws -> Double? {
            guard let node = lookup(key) else { return nil }
            if let seconds = node.doubleValue, seconds.isFinite { return seconds }
            throw COSEError(.invalidClaims, "expected claim \(key) (\(name)) to be a number, found \(node.typeName)")
        }
        if let node = lookup(Key.issuer) {
            guard let text = node.textValue else {
                throw COSEError(.invalidClaims, "expected claim 1 (iss) to be a text string, found \(node.typeName)")
            }
            issuer = text
        } else {
            issuer = nil
        }
        expirationTime = try time(Key.expirationTime, "exp")
        notBefore = try time(Key.notBefore, "nbf")
        issuedAt = try time(Key.issuedAt, "iat")
    }

    /// The decoded value of any claim.
    public func claim(_ key: Int64) -> CBORNode? {
        entries.first { $0.key.int64Value == key }?.value
    }

    /// Encodes a claims map deterministically with integer times.
    public static func encode(
        issuer: String?, issuedAt: Int64?, expirationTime: Int64?, notBefore: Int64? = nil,
        additional: [CBORValue.MapEntry] = []
    ) throws -> [UInt8] {
        var entries: [CBORValue.MapEntry] = []
        if let issuer { entries.append(.init(.integer(Key.issuer), .textString(issuer))) }
        if let expirationTime { entries.append(.init(.integer(Key.expirationTime), .integer(expirationTime))) }
        if let notBefore { entries.append(.init(.integer(Key.notBefore), .integer(notBefore))) }
        if let issuedAt { entries.append(.init(.integer(Key.issuedAt), .integer(issuedAt))) }
        entries.append(contentsOf: additional)
        return try CBOR.encode(.map(entries))
    }
}
