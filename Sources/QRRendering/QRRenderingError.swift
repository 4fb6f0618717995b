import CodedErrors

/// An error from rendering a QR code as an image, with a stable code.
public struct QRRenderingError: CodeIdentifiedError {
    /// Stable code of a rendering error.
    public typealias Code = ErrorCode<QRRenderingError>

    /// The stable code.
    public let errorCode: Code
    /// What was expected and what was found.
    public let message: String

    /// Creates an error with a code and a message.
    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }
}

extension ErrorCode where Domain == QRRenderingError {
    /// A module size below 1, a negative quiet zone, or an image larger than ``QRRenderer/maximumPNGSide``.
    public static let invalidOption = Self("QR_RENDER_INVALID_OPTION")
    /// zlib failed to compress the image data.
    public static let compressionFailed = Self("QR_RENDER_COMPRESSION_FAILED")
}
