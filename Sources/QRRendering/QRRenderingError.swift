import CodedErrors

/// An error from rendering a QR code as an image, with a stable code.
public struct QRRenderingError: CodedError, Hashable {
    /// Stable code of a rendering error.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The stable `SNAKE_CASE` string.
        public let rawValue: String
        init(_ rawValue: String) { self.rawValue = rawValue }
        /// The stable `SNAKE_CASE` string.
        public var description: String { rawValue }

        /// A module size below 1, a negative quiet zone, or an image larger than ``QRRenderer/maximumPNGSide``.
        public static let invalidOption = Code("QR_RENDER_INVALID_OPTION")
        /// zlib failed to compress the image data.
        public static let compressionFailed = Code("QR_RENDER_COMPRESSION_FAILED")
    }

    /// The stable code.
    public let errorCode: Code
    /// What was expected and what was found.
    public let message: String
    /// The stable code as a string, for example `QR_RENDER_INVALID_OPTION`.
    public var code: String { errorCode.rawValue }

    /// Creates an error with a code and a message.
    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }

    /// Errors are equal when their codes are.
    public static func == (lhs: QRRenderingError, rhs: QRRenderingError) -> Bool { lhs.errorCode == rhs.errorCode }
    /// Hashes the code only.
    public func hash(into hasher: inout Hasher) { hasher.combine(errorCode) }
}
