import CodedErrors

/// An error in a ``VaccinationRecord``: its JSON form, a field value, or a cross-field rule.
///
/// The ``message`` names the JSON path of the field (for example `vaccination.dose`) and what
/// was expected. It never contains the value itself: records hold personal and health data.
public struct RecordError: CodeIdentifiedError {
    /// Stable code of a record error.
    public typealias Code = ErrorCode<RecordError>

    /// The stable code.
    public let errorCode: Code
    /// The JSON path of the offending member (`vaccination.dose`), or `""` for the whole record.
    public let path: String
    /// What was expected, without the path.
    public let reason: String
    /// `"<path>: <reason>"`.
    public let message: String

    /// Creates an error; `message` must not contain the offending value.
    public init(_ code: Code, path: String, _ message: String) {
        self.errorCode = code
        self.path = path
        self.reason = message
        self.message = path.isEmpty ? message : "\(path): \(message)"
    }
}

extension ErrorCode where Domain == RecordError {
    /// A required member is absent (or neither of two alternatives is present).
    public static let missingField = Self("RECORD_MISSING_FIELD")
    /// A member has the wrong JSON type, an empty or too long text, or a value outside its range.
    public static let invalidField = Self("RECORD_INVALID_FIELD")
    /// A member that the record format does not define (the record JSON is strict).
    public static let unknownField = Self("RECORD_UNKNOWN_FIELD")
    /// A date, partial date or date-time is malformed or does not exist (month 13, 30 February...).
    public static let invalidDate = Self("RECORD_INVALID_DATE")
    /// A country code is not an officially assigned ISO 3166-1 alpha-2 or alpha-3 code.
    public static let unknownCountry = Self("RECORD_UNKNOWN_COUNTRY")
}
