import CodedErrors

/// An error from decoding or encoding CBOR, with a stable code.
///
/// Messages name the byte offset (counted from the start of the bytes given to `CBOR.decode`) and what was expected
/// and found, never the content of the data item. Two errors are equal when their codes are equal.
public struct CBORError: CodeIdentifiedError {
    /// Stable code of a CBOR error.
    public typealias Code = ErrorCode<CBORError>

    /// The stable code.
    public let errorCode: Code
    /// What was expected and what was found.
    public let message: String
    /// The byte offset of the problem from the start of the decoded input (`nil` for encoding errors).
    public let offset: Int?

    /// Creates an error; `message` must not contain any content of the data item.
    public init(_ code: Code, _ message: String, offset: Int? = nil) {
        self.errorCode = code
        self.message = message
        self.offset = offset
    }
}

extension CBORError {
    /// A decoding error at `offset`; the message starts with the offset.
    static func at(_ offset: Int, _ code: Code, _ what: String) -> CBORError {
        CBORError(code, "at byte \(offset): \(what)", offset: offset)
    }
}

extension ErrorCode where Domain == CBORError {
    /// The input ends inside a data item, or a declared length is longer than the remaining input.
    public static let truncated = Self("CBOR_TRUNCATED")
    /// Bytes follow the single data item and ``CBOR/DecodingOptions/allowTrailingBytes`` is false.
    public static let trailingBytes = Self("CBOR_TRAILING_BYTES")
    /// Arrays, maps and tags are nested deeper than ``CBOR/DecodingOptions/maxDepth`` (or the encoder's limit).
    public static let tooDeep = Self("CBOR_TOO_DEEP")
    /// The input is larger than ``CBOR/DecodingOptions/maxInputSize`` or holds more than
    /// ``CBOR/DecodingOptions/maxItems`` data items.
    public static let tooLarge = Self("CBOR_TOO_LARGE")
    /// A text string is not well-formed UTF-8.
    public static let invalidUTF8 = Self("CBOR_INVALID_UTF8")
    /// A head uses additional information 28, 29 or 30.
    public static let reservedAdditionalInfo = Self("CBOR_RESERVED_ADDITIONAL_INFO")
    /// An indefinite length where none is allowed, a misplaced `break`, a bad chunk in an indefinite-length
    /// string, or an indefinite-length map that ends after a key.
    public static let invalidIndefinite = Self("CBOR_INVALID_INDEFINITE")
    /// A simple value below 32 in the two-byte form, or (when encoding) a simple value from 20 to 31.
    public static let invalidSimple = Self("CBOR_INVALID_SIMPLE")
    /// A map holds two keys with the same value.
    public static let duplicateKey = Self("CBOR_DUPLICATE_KEY")
    /// A value this implementation does not represent; raised when encoding `.simple(20...23)`,
    /// which must be written as `.bool`, `.null` or `.undefined`.
    public static let unsupported = Self("CBOR_UNSUPPORTED")
}
