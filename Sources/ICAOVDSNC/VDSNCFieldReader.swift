import JSON
import VaccinationRecord

/// Reads the members of one JSON object of the seal, collecting every deviation from the profile as a violation
/// (`path: expected ...`) rather than stopping at the first. Violations never quote values.
///
/// Paths are rendered as text only for a violation: a valid seal builds none.
struct VDSNCFieldReader {
    /// Deviations found so far, shared by all readers of one parse.
    final class Log {
        var violations: [String] = []
        func add(_ path: String, _ expectation: String) { violations.append("\(path): \(expectation)") }
    }

    let object: JSONObject
    let path: VDSNCFieldPath
    let log: Log

    /// A reader for `value` at `path`, or nil (with a violation) when `value` is not an object. Members not in
    /// `allowed` are violations (the profile's schemas forbid additional properties).
    init?(_ value: JSONValue?, path: VDSNCFieldPath, allowed: [String], log: Log) {
        guard case .object(let object)? = value else {
            log.add(
                path.text,
                value == nil ? "expected an object, found none" : "expected an object, found \(Self.kind(value))")
            return nil
        }
        self.object = object
        self.path = path
        self.log = log
        for member in object.members where !allowed.contains(member.key) {
            log.add(path.text, "expected only the members \(allowed.joined(separator: ", ")), found another member")
        }
    }

    func memberPath(_ key: String) -> String { path.member(key) }

    /// A string member; `limit` is the profile length limit (``VDSNCProfile/fieldLimits``), checked in characters.
    func string(_ key: String, required: Bool, limit: Int? = nil) -> String? {
        guard let value = object[key] else {
            if required { log.add(memberPath(key), "expected a string, found none") }
            return nil
        }
        guard case .string(let text) = value else {
            log.add(memberPath(key), "expected a string, found \(Self.kind(value))")
            return nil
        }
        if text.isEmpty { log.add(memberPath(key), "expected a non-empty string, found an empty one") }
        // A text of at most `limit` bytes has at most `limit` characters: count them only beyond.
        if let limit, text.utf8.count > limit, text.unicodeScalars.count > limit {
            log.add(memberPath(key), "expected at most \(limit) characters, found \(text.unicodeScalars.count)")
        }
        return text
    }

    /// A full date member (`YYYY-MM-DD`).
    func date(_ key: String, required: Bool, limit: Int) -> String? {
        guard let text = string(key, required: required, limit: limit) else { return nil }
        if CalendarDate(text) == nil { log.add(memberPath(key), "expected a date YYYY-MM-DD, found another text") }
        return text
    }

    /// A dose number: an integer 1–99 (a string of one or two digits is accepted, as some issuers write it).
    func doseNumber(_ key: String) -> Int? {
        let number: Int64?
        switch object[key] {
        case nil:
            log.add(memberPath(key), "expected an integer, found none")
            return nil
        case .string(let text)
        where (1...2).contains(text.utf8.count) && text.utf8.allSatisfy({ (48...57).contains($0) }):
            number = Int64(text)
        case let value?:
            number = value.integerValue
            if number == nil { log.add(memberPath(key), "expected an integer, found \(Self.kind(value))") }
        }
        guard let number else { return nil }
        guard (1...Int64(VDSNCProfile.maximumDoseNumber)).contains(number) else {
            log.add(
                memberPath(key),
                "expected a dose number from 1 to \(VDSNCProfile.maximumDoseNumber), found another number")
            return nil
        }
        return Int(number)
    }

    /// An array member of at least one element.
    func array(_ key: String) -> [JSONValue]? {
        guard let value = object[key] else {
            log.add(memberPath(key), "expected an array, found none")
            return nil
        }
        guard case .array(let elements) = value else {
            log.add(memberPath(key), "expected an array, found \(Self.kind(value))")
            return nil
        }
        if elements.isEmpty { log.add(memberPath(key), "expected at least one element, found none") }
        return elements
    }

    /// The JSON type of a value, for messages.
    static func kind(_ value: JSONValue?) -> String {
        switch value {
        case nil: return "nothing"
        case .null?: return "null"
        case .bool?: return "a Boolean"
        case .integer?, .double?: return "a number"
        case .string?: return "a string"
        case .array?: return "an array"
        case .object?: return "an object"
        }
    }
}
