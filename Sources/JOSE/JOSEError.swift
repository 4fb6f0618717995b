import CodedErrors

/// An error from JOSE processing (base64url, JWK, JWKS, JWS), with a stable code.
public struct JOSEError: CodedError, Hashable {
    /// Stable code of a JOSE error.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Text that is not unpadded base64url.
        public static let invalidBase64URL = Code("JOSE_INVALID_BASE64URL")
        /// A JWK set that is not `{"keys": [...]}`, or too large.
        public static let invalidKeySet = Code("JWKS_INVALID")
        /// A key that breaks the key rules (type, curve, coordinates, private members).
        public static let invalidKey = Code("JWK_INVALID")
        /// A key whose `kid` is not its RFC 7638 thumbprint where one is required.
        public static let wrongKeyID = Code("JWK_WRONG_KID")
        /// A compact JWS that is not three base64url parts `header.payload.signature`.
        public static let malformedJWS = Code("JWS_MALFORMED")
        /// A compact JWS longer than the caller's limit.
        public static let jwsTooLarge = Code("JWS_TOO_LARGE")
        /// A JWS protected header that is not a JSON object, or whose members have the wrong type.
        public static let invalidHeader = Code("JWS_HEADER_INVALID")
        /// A JWS `alg` other than ES256 (including `none`).
        public static let unsupportedAlgorithm = Code("JWS_UNSUPPORTED_ALGORITHM")
        /// A signature that is not 64 bytes of raw r‖s (for example a DER-encoded ECDSA signature).
        public static let signatureFormat = Code("JWS_SIGNATURE_FORMAT")
        /// A signature that does not verify with the given key.
        public static let signatureInvalid = Code("JWS_SIGNATURE_INVALID")
    }

    public let errorCode: Code
    public let message: String
    public var code: String { errorCode.rawValue }

    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }

    public static func == (lhs: JOSEError, rhs: JOSEError) -> Bool { lhs.errorCode == rhs.errorCode }
    public func hash(into hasher: inout Hasher) { hasher.combine(errorCode) }
}
