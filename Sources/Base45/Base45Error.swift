import CodedErrors

/// An error from Base45 decoding, with a stable code.
public struct Base45Error: CodeIdentifiedError {
    /// Stable code of a Base45 error.
    public typealias Code = ErrorCode<Base45Error>

    public let errorCode: Code
    public let message: String

    init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }
}

extension ErrorCode where Domain == Base45Error {
    /// A character outside the 45-character alphabet.
    public static let invalidCharacter = Self("BASE45_INVALID_CHARACTER")
    /// The length leaves one character over (length ≡ 1 mod 3).
    public static let invalidLength = Self("BASE45_INVALID_LENGTH")
    /// A triplet above 65535 or a final pair above 255.
    public static let valueOutOfRange = Self("BASE45_VALUE_OUT_OF_RANGE")
    /// The text is longer than the configured limit.
    public static let tooLarge = Self("BASE45_TOO_LARGE")
}
