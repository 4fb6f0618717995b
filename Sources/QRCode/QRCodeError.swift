import CodedErrors

/// An error from QR code encoding, with a stable code.
///
/// Messages carry sizes and levels only, never the payload.
public struct QRCodeError: CodedError, Hashable {
    /// Stable code of a QR encoding error.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The stable `SNAKE_CASE` string.
        public let rawValue: String
        init(_ rawValue: String) { self.rawValue = rawValue }
        /// The stable `SNAKE_CASE` string.
        public var description: String { rawValue }

        /// The data does not fit into a version 40 symbol at the requested error correction level.
        public static let dataTooLong = Code("QR_DATA_TOO_LONG")
        /// An option is out of range (version outside 1...40, mask outside 0...7), or the forced version is too
        /// small for the data.
        public static let invalidOption = Code("QR_INVALID_OPTION")
    }

    /// The stable code.
    public let errorCode: Code
    /// What was expected and what was found.
    public let message: String
    /// The stable code as a string, for example `QR_DATA_TOO_LONG`.
    public var code: String { errorCode.rawValue }

    /// Creates an error with a code and a message (which must not contain payload data).
    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }

    /// Errors are equal when their codes are.
    public static func == (lhs: QRCodeError, rhs: QRCodeError) -> Bool { lhs.errorCode == rhs.errorCode }
    /// Hashes the code only.
    public func hash(into hasher: inout Hasher) { hasher.combine(errorCode) }
}
