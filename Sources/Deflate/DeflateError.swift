import CodedErrors

/// An error from zlib or raw DEFLATE (de)compression, with a stable code.
public struct DeflateError: CodeIdentifiedError {
    /// Stable code of a compression error.
    public typealias Code = ErrorCode<DeflateError>

    public let errorCode: Code
    public let message: String

    init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }
}

extension ErrorCode where Domain == DeflateError {
    /// The compressed bytes are not a valid stream (bad header, bad block, bad checksum).
    public static let corrupt = Self("DEFLATE_CORRUPT")
    /// The stream ends before its final block (and, for zlib, its checksum).
    public static let truncated = Self("DEFLATE_TRUNCATED")
    /// The inflated data would exceed the caller's cap (a zip bomb, or simply too large).
    public static let tooLarge = Self("DEFLATE_TOO_LARGE")
    /// Bytes follow the end of the compressed stream.
    public static let trailingData = Self("DEFLATE_TRAILING_DATA")
    /// zlib failed for another reason (out of memory, internal error).
    public static let `internal` = Self("DEFLATE_INTERNAL")
}
