import CodedErrors

/// An error from Base45 decoding, with a stable code.
public struct Base45Error: CodedError, Hashable {
    /// Stable code of a Base45 error.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A character outside the 45-character alphabet.
        public static let invalidCharacter = Code("BASE45_INVALID_CHARACTER")
        /// The length leaves one character over (length ≡ 1 mod 3).
        public static let invalidLength = Code("BASE45_INVALID_LENGTH")
        /// A triplet above 65535 or a final pair above 255.
        public static let valueOutOfRange = Code("BASE45_VALUE_OUT_OF_RANGE")
        /// The text is longer than the configured limit.
        public static let tooLarge = Code("BASE45_TOO_LARGE")
    }

    public let errorCode: Code
    public let message: String
    public var code: String { errorCode.rawValue }

    init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }

    public static func == (lhs: Base45Error, rhs: Base45Error) -> Bool { lhs.errorCode == rhs.errorCode }
    public func hash(into hasher: inout Hasher) { hasher.combine(errorCode) }
}
