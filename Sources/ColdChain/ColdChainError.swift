import CodedErrors

/// An error from cold-chain input parsing or analysis, with a stable code.
///
/// Messages name the line (for file input) and say what was expected and what was found; they never quote
/// more of the input than a short, bounded token.
public struct ColdChainError: CodeIdentifiedError {
    /// Stable code of a cold-chain error.
    public typealias Code = ErrorCode<ColdChainError>

    /// The stable code.
    public let errorCode: Code
    /// What was expected and what was found.
    public let message: String

    /// An error with a code and a message.
    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }
}

extension ErrorCode where Domain == ColdChainError {
    /// The input is larger than the reader's byte limit.
    public static let inputTooLarge = Self("COLDCHAIN_INPUT_TOO_LARGE")
    /// The input has more lines than the reader's line limit.
    public static let tooManyLines = Self("COLDCHAIN_TOO_MANY_LINES")
    /// The input is not UTF-8 text.
    public static let notText = Self("COLDCHAIN_NOT_TEXT")
    /// The CSV header is not `time,celsius`.
    public static let badHeader = Self("COLDCHAIN_BAD_HEADER")
    /// A data row is malformed (wrong field count, bad time or temperature).
    public static let badRow = Self("COLDCHAIN_BAD_ROW")
    /// A temperature lies outside the plausible range of a sensor.
    public static let temperatureOutOfRange = Self("COLDCHAIN_TEMPERATURE_OUT_OF_RANGE")
    /// Readings are not in strictly increasing time order.
    public static let timeOrder = Self("COLDCHAIN_TIME_ORDER")
    /// The input holds no readings where at least one is needed.
    public static let noReadings = Self("COLDCHAIN_NO_READINGS")
    /// A Berlinger export is malformed (unknown layout, bad field value).
    public static let berlingerMalformed = Self("COLDCHAIN_BERLINGER_MALFORMED")
    /// A parameter (profile, rule, VVM type, limit) is invalid.
    public static let invalidParameter = Self("COLDCHAIN_INVALID_PARAMETER")
}
