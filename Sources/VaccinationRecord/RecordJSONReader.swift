import JSON

/// Strict reader of one object of the record JSON format: the object must be a JSON object, and every member
/// must be one of `allowed` (an unknown member is `RECORD_UNKNOWN_FIELD` naming its path). Type errors name
/// the path and the expected and found JSON types, never the value.
struct RecordJSONReader {
    let object: JSONObject
    let path: String

    init(_ value: JSONValue, path: String, allowed: [String]) throws {
        guard case .object(let object) = value else {
            throw RecordError(.invalidField, path: path, "expected an object, found \(value.recordTypeName)")
        }
        for key in object.keys where !allowed.contains(key) {
            throw RecordError(
                .unknownField, path: RecordJSONReader.join(path, RecordJSONReader.displayKey(key)),
                "unknown member; expected one of \(allowed.joined(separator: ", "))"
            )
        }
        self.object = object
        self.path = path
    }

    /// The path of a member.
    func path(_ key: String) -> String { RecordJSONReader.join(path, key) }

    func has(_ key: String) -> Bool { object[key] != nil }

    /// Parses a member with `parse` when present.
    func optional<T>(_ key: String, _ parse: (JSONValue, String) throws -> T) throws -> T? {
        guard let value = object[key] else { return nil }
        return try parse(value, path(key))
    }

    /// Parses a required member with `parse`; absent is `RECORD_MISSING_FIELD`.
    func required<T>(_ key: String, _ parse: (JSONValue, String) throws -> T) throws -> T {
        guard let value = object[key] else {
            throw RecordError(.missingField, path: path(key), "required member is missing")
        }
        return try parse(value, path(key))
    }

    /// A nested object reader when the member is present.
    func optionalObject(_ key: String, allowed: [String]) throws -> RecordJSONReader? {
        try optional(key) { value, path in try RecordJSONReader(value, path: path, allowed: allowed) }
    }

    /// A nested object reader for a required member.
    func object(_ key: String, allowed: [String]) throws -> RecordJSONReader {
        try required(key) { value, path in try RecordJSONReader(value, path: path, allowed: allowed) }
    }

    // MARK: - Value parsers

    /// A JSON string (content rules are checked by `validate()`).
    static func string(_ value: JSONValue, path: String) throws -> String {
        guard case .string(let text) = value else {
            throw RecordError(.invalidField, path: path, "expected a string, found \(value.recordTypeName)")
        }
        guard text.utf8.count <= VaccinationRecord.maximumTextLength else {
            throw RecordError(
                .invalidField, path: path, "expected at most \(VaccinationRecord.maximumTextLength) bytes of text"
            )
        }
        return text
    }

    /// A JSON integer (a number without fraction).
    static func integer(_ value: JSONValue, path: String) throws -> Int {
        guard let number = value.integerValue, let integer = Int(exactly: number) else {
            throw RecordError(.invalidField, path: path, "expected an integer, found \(value.recordTypeName)")
        }
        return integer
    }

    /// A date `YYYY-MM-DD` that exists.
    static func calendarDate(_ value: JSONValue, path: String) throws -> CalendarDate {
        guard let date = CalendarDate(try string(value, path: path)) else {
            throw RecordError(.invalidDate, path: path, "expected an existing date in the form YYYY-MM-DD")
        }
        return date
    }

    /// A date `YYYY`, `YYYY-MM` or `YYYY-MM-DD` that exists.
    static func partialDate(_ value: JSONValue, path: String) throws -> PartialDate {
        guard let date = PartialDate(try string(value, path: path)) else {
            throw RecordError(
                .invalidDate, path: path, "expected an existing date in the form YYYY, YYYY-MM or YYYY-MM-DD")
        }
        return date
    }

    /// An ISO 8601 / RFC 3339 date-time (see ``DateTime``).
    static func dateTime(_ value: JSONValue, path: String) throws -> DateTime {
        guard let dateTime = DateTime(try string(value, path: path)) else {
            throw RecordError(
                .invalidDate, path: path, "expected an ISO 8601 date-time such as YYYY-MM-DDThh:mm:ssZ"
            )
        }
        return dateTime
    }

    /// An ISO 3166-1 alpha-2 or alpha-3 code.
    static func country(_ value: JSONValue, path: String) throws -> CountryCode {
        let text = try string(value, path: path)
        guard let country = CountryCode(text) else {
            throw RecordError(
                .unknownCountry, path: path, "expected an ISO 3166-1 alpha-2 or alpha-3 country code in upper case"
            )
        }
        return country
    }

    // MARK: - Helpers

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// A member name for an error message: cut to 40 characters (names come from untrusted input).
    static func displayKey(_ key: String) -> String {
        key.count <= 40 ? key : String(key.prefix(40)) + "…"
    }
}

extension JSONValue {
    /// The JSON type name for error messages (never the value).
    var recordTypeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer: return "an integer"
        case .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
