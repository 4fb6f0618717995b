import CodedErrors

/// An error from QR code encoding, with a stable code.
///
/// Messages carry sizes and levels only, never the payload.
public struct QRCodeError: CodeIdentifiedError {
    /// Stable code of a QR encoding error.
    public typealias Code = ErrorCode<QRCodeError>

    /// The stable code.
    public let errorCode: Code
    /// What was expected and what was found.
    public let message: String

    /// Creates an error with a code and a message (which must not contain payload data).
    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }
}

extension ErrorCode where Domain == QRCodeError {
    /// The data does not fit into a version 40 symbol at the requested error correction level.
    public static let dataTooLong = Self("QR_DATA_TOO_LONG")
    /// An option is out of range (version outside 1...40, mask outside 0...7), or the forced version is too
    /// small for the data.
    public static let invalidOption = Self("QR_INVALID_OPTION")
}
