import CodedErrors

/// An error from parsing JSON text, with a stable code and the byte offset where it was found.
///
/// The message says what was expected and what kind of thing was found (for example "a letter" or
/// "end of input"); it never quotes the document, which may hold personal data.
public struct JSONError: CodeIdentifiedError {
    /// Stable code of a JSON error.
    public typealias Code = ErrorCode<JSONError>

    /// The stable code.
    public let errorCode: Code
    /// What was expected and what was found (never document content).
    public let message: String
    /// Offset of the offending byte from the start of the input, when the error has a position.
    public let offset: Int?

    /// Creates an error; the message must not quote the input.
    public init(_ code: Code, _ message: String, offset: Int? = nil) {
        self.errorCode = code
        self.message = message
        self.offset = offset
    }
}

extension JSONError {
    /// An error at a byte offset: "at byte 12: expected ..., found ...".
    static func at(_ offset: Int, _ code: Code, expected: String, found: String) -> JSONError {
        JSONError(code, "at byte \(offset): expected \(expected), found \(found)", offset: offset)
    }

    /// An error at a byte offset with a free-form reason (which must not quote the input).
    static func at(_ offset: Int, _ code: Code, _ reason: String) -> JSONError {
        JSONError(code, "at byte \(offset): \(reason)", offset: offset)
    }

    /// Names the kind of byte found, without revealing content beyond JSON punctuation.
    static func describe(byte: UInt8?) -> String {
        guard let byte else { return "end of input" }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "\""):
            return "'\(Character(Unicode.Scalar(byte)))'"
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return "a digit"
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return "a letter"
        case 0x20, 0x09, 0x0A, 0x0D: return "whitespace"
        case 0x00..<0x20, 0x7F: return "a control character"
        case 0x80...: return "a non-ASCII byte"
        default: return "another character"
        }
    }
}

extension ErrorCode where Domain == JSONError {
    /// The input is longer than ``JSONParser/Options/maxBytes``.
    public static let tooLarge = Self("JSON_TOO_LARGE")
    /// Arrays and objects are nested deeper than ``JSONParser/Options/maxDepth``.
    public static let tooDeep = Self("JSON_TOO_DEEP")
    /// The text is not JSON at this point (wrong character, leading zero, bad escape, control character, ...).
    public static let syntax = Self("JSON_SYNTAX")
    /// The bytes are not valid UTF-8 (including encoded surrogates and overlong forms).
    public static let invalidUTF8 = Self("JSON_INVALID_UTF8")
    /// A `\u` escape names a lone surrogate.
    public static let invalidEscape = Self("JSON_INVALID_ESCAPE")
    /// An object has the same key twice (``JSONParser/Options/rejectDuplicateKeys``).
    public static let duplicateKey = Self("JSON_DUPLICATE_KEY")
    /// A number is too large in magnitude for a `Double`.
    public static let numberOutOfRange = Self("JSON_NUMBER_OUT_OF_RANGE")
    /// Something other than whitespace follows the value.
    public static let trailingData = Self("JSON_TRAILING_DATA")
    /// The input ends before the value is complete.
    public static let unexpectedEnd = Self("JSON_UNEXPECTED_END")
}
