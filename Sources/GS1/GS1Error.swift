import CodedErrors

/// An error from GS1 identifier processing (GTINs, element strings, Digital Link, EPC URIs), with a stable code.
///
/// Messages name what was expected and what was found (a length, a position, an AI), never the whole input.
public struct GS1Error: CodeIdentifiedError {
    /// Stable code of a GS1 error.
    public typealias Code = ErrorCode<GS1Error>

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

extension ErrorCode where Domain == GS1Error {
    /// A numeric key (GTIN, GLN, SSCC ...) has the wrong length or a non-digit.
    public static let invalidKey = Self("GS1_INVALID_KEY")
    /// The check digit of a key does not match the computed one.
    public static let checkDigit = Self("GS1_CHECK_DIGIT")
    /// An application identifier is not known to this implementation.
    public static let unknownAI = Self("GS1_UNKNOWN_AI")
    /// An AI value has the wrong length or characters outside its character set.
    public static let invalidValue = Self("GS1_INVALID_VALUE")
    /// A date value (YYMMDD) is not a valid date.
    public static let invalidDate = Self("GS1_INVALID_DATE")
    /// The element string ends inside an AI or a fixed-length value.
    public static let truncated = Self("GS1_TRUNCATED")
    /// The element string is malformed (bad brackets, empty value, repeated AI, bad symbology identifier).
    public static let malformed = Self("GS1_MALFORMED")
    /// The input is larger than the configured limit.
    public static let tooLarge = Self("GS1_TOO_LARGE")
    /// The URI is not a GS1 Digital Link URI this implementation understands.
    public static let invalidDigitalLink = Self("GS1_INVALID_DIGITAL_LINK")
    /// The URI is not a well-formed EPC URI of a supported scheme.
    public static let invalidEPCURI = Self("GS1_INVALID_EPC_URI")
}
