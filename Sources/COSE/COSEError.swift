import CodedErrors

/// An error from COSE_Sign1 or CWT processing, with a stable code.
public struct COSEError: CodeIdentifiedError {
    /// Stable code of a COSE error.
    public typealias Code = ErrorCode<COSEError>

    /// The stable code.
    public let errorCode: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }
}

extension ErrorCode where Domain == COSEError {
    /// The bytes are not a COSE_Sign1 structure (wrong tag, not a 4-array, wrong member types).
    public static let malformed = Self("COSE_MALFORMED")
    /// A header parameter has the wrong type or an unsupported value.
    public static let invalidHeader = Self("COSE_INVALID_HEADER")
    /// The algorithm is missing or not supported.
    public static let unsupportedAlgorithm = Self("COSE_UNSUPPORTED_ALGORITHM")
    /// The signature does not verify with the given key.
    public static let signatureInvalid = Self("SIGNATURE_INVALID")
    /// The key cannot be used with the algorithm, or its encoding is not understood.
    public static let invalidKey = Self("COSE_INVALID_KEY")
    /// The CWT claims are not a valid claims map.
    public static let invalidClaims = Self("CWT_INVALID_CLAIMS")
}
