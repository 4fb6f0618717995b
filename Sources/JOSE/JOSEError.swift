import CodedErrors

/// An error from JOSE processing (base64url, JWK, JWKS, JWS), with a stable code.
public struct JOSEError: CodeIdentifiedError {
    /// Stable code of a JOSE error.
    public typealias Code = ErrorCode<JOSEError>

    public let errorCode: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }
}

extension ErrorCode where Domain == JOSEError {
    /// Text that is not unpadded base64url.
    public static let invalidBase64URL = Self("JOSE_INVALID_BASE64URL")
    /// A JWK set that is not `{"keys": [...]}`, or too large.
    public static let invalidKeySet = Self("JWKS_INVALID")
    /// A key that breaks the key rules (type, curve, coordinates, private members).
    public static let invalidKey = Self("JWK_INVALID")
    /// A key whose `kid` is not its RFC 7638 thumbprint where one is required.
    public static let wrongKeyID = Self("JWK_WRONG_KID")
    /// A key whose `x5c` certificate chain does not vouch for it: a certificate that does not parse or is not
    /// signed by the next, a leaf with another key, or (SMART Health Cards) no subjectAltName URI equal to `iss`.
    public static let invalidCertificateChain = Self("JWK_X5C_INVALID")
    /// A compact JWS that is not three base64url parts `header.payload.signature`.
    public static let malformedJWS = Self("JWS_MALFORMED")
    /// A compact JWS longer than the caller's limit.
    public static let jwsTooLarge = Self("JWS_TOO_LARGE")
    /// A JWS protected header that is not a JSON object, or whose members have the wrong type.
    public static let invalidHeader = Self("JWS_HEADER_INVALID")
    /// A JWS `alg` other than ES256 (including `none`).
    public static let unsupportedAlgorithm = Self("JWS_UNSUPPORTED_ALGORITHM")
    /// A signature that is not 64 bytes of raw r‖s (for example a DER-encoded ECDSA signature).
    public static let signatureFormat = Self("JWS_SIGNATURE_FORMAT")
    /// A signature that does not verify with the given key.
    public static let signatureInvalid = Self("JWS_SIGNATURE_INVALID")
}
