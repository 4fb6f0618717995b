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
