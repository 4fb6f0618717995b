import CodedErrors

/// An error from zlib or raw DEFLATE (de)compression, with a stable code.
public struct DeflateError: CodedError, Hashable {
    /// Stable code of a compression error.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The compressed bytes are not a valid stream (bad header, bad block, bad checksum).
        public static let corrupt = Code("DEFLATE_CORRUPT")
        /// The stream ends before its final block (and, for zlib, its checksum).
        public static let truncated = Code("DEFLATE_TRUNCATED")
        /// The inflated data would exceed the caller's cap (a zip bomb, or simply too large).
        public static let tooLarge = Code("DEFLATE_TOO_LARGE")
        /// Bytes follow the end of the compressed stream.
        public static let trailingData = Code("DEFLATE_TRAILING_DATA")
        /// zlib failed for another reason (out of memory, internal error).
        public static let `internal` = Code("DEFLATE_INTERNAL")
    }

    public let errorCode: Code
    public let message: String
    public var code: String { errorCode.rawValue }

    init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }

    public static func == (lhs: DeflateError, rhs: DeflateError) -> Bool { lhs.errorCode == rhs.errorCode }
    public func hash(into hasher: inout Hasher) { hasher.combine(errorCode) }
}
