import CodedErrors

/// An error in a ``VaccinationRecord``: its JSON form, a field value, or a cross-field rule.
///
/// The ``message`` names the JSON path of the field (for example `vaccination.dose`) and what
/// was expected. It never contains the value itself: records hold personal and health data.
public struct RecordError: CodedError, Hashable {
    /// Stable code of a record error.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code text, for example the string returned by `code`.
        public let rawValue: String
        init(_ rawValue: String) { self.rawValue = rawValue }
        /// The code text.
        public var description: String { rawValue }

        /// A required member is absent (or neither of two alternatives is present).
        public static let missingField = Code("RECORD_MISSING_FIELD")
        /// A member has the wrong JSON type, an empty or too long text, or a value outside its range.
        public static let invalidField = Code("RECORD_INVALID_FIELD")
        /// A member that the record format does not define (the record JSON is strict).
        public static let unknownField = Code("RECORD_UNKNOWN_FIELD")
        /// A date, partial date or date-time is malformed or does not exist (month 13, 30 February...).
        public static let invalidDate = Code("RECORD_INVALID_DATE")
        /// A country code is not an officially assigned ISO 3166-1 alpha-2 or alpha-3 code.
        public static let unknownCountry = Code("RECORD_UNKNOWN_COUNTRY")
    }

    /// The stable code.
    public let errorCode: Code
    /// The JSON path of the offending member (`vaccination.dose`), or `""` for the whole record.
    public let path: String
    /// What was expected, without the path.
    public let reason: String
    /// `"<path>: <reason>"`.
    public let message: String
    /// The stable code as text.
    public var code: String { errorCode.rawValue }

    /// Creates an error; `message` must not contain the offending value.
    public init(_ code: Code, path: String, _ message: String) {
        self.errorCode = code
        self.path = path
        self.reason = message
        self.message = path.isEmpty ? message : "\(path): \(message)"
    }

    /// Errors are equal when their codes are.
    public static func == (lhs: RecordError, rhs: RecordError) -> Bool { lhs.errorCode == rhs.errorCode }
    /// Hashes the code only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(errorCode) }
}
