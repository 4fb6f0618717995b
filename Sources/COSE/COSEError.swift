import CodedErrors

/// An error from COSE_Sign1 or CWT processing, with a stable code.
public struct COSEError: CodedError, Hashable {
    /// Stable code of a COSE error.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The bytes are not a COSE_Sign1 structure (wrong tag, not a 4-array, wrong member types).
        public static let malformed = Code("COSE_MALFORMED")
        /// A header parameter has the wrong type or an unsupported value.
        public static let invalidHeader = Code("COSE_INVALID_HEADER")
        /// The algorithm is missing or not supported.
        public static let unsupportedAlgorithm = Code("COSE_UNSUPPORTED_ALGORITHM")
        /// The signature does not verify with the given key.
        public static let signatureInvalid = Code("SIGNATURE_INVALID")
        /// The key cannot be used with the algorithm, or its encoding is not understood.
        public static let invalidKey = Code("COSE_INVALID_KEY")
        /// The CWT claims are not a valid claims map.
        public static let invalidClaims = Code("CWT_INVALID_CLAIMS")
    }

    /// The stable code.
    public let errorCode: Code
    public let message: String
    public var code: String { errorCode.rawValue }

    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }

    public static func == (lhs: COSEError, rhs: COSEError) -> Bool { lhs.errorCode == rhs.errorCode }
    public func hash(into hasher: inout Hasher) { hasher.combine(errorCode) }
}
