import JSON
import VaccinationRecord

/// Reads the members of one JSON object of the seal, collecting every deviation from the profile as a violation
/// (`path: expected ...`) rather than stopping at the first. Violations never quote values.
struct VDSNCFieldReader {
    /// Deviations found so far, shared by all readers of one parse.
    final class Log {
        var violations: [String] = []
        func add(_ path: String, _ expectation: String) { violations.append("\(path): \(expectation)") }
    }

    let object: JSONObject
    let path: String
    let log: Log

    /// A reader for `value` at `path`, or nil (with a violation) when `value` is not an object. Members not in
    /// `allowed` are violations (the profile's schemas forbid additional properties).
    init?(_ value: JSONValue?, path: String, allowed: [String], log: Log) {
        guard case .object(let object)? = value else {
            log.add(
                path, value == nil ? "expected an object, found none" : "expected an object, found \(Self.kind(value))")
            return nil
        }
        self.object = object
        self.path = path
        self.log = log
        for key in object.keys where !allowed.contains(key) {
            log.add(path, "expected only the members \(allowed.joined(separator: ", ")), found another member")
        }
    }

    func memberPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// A string member; `limit` is the profile length limit (looked up by `limitKey`), checked in characters.
    func string(_ key: String, required: Bool, limitKey: String? = nil) -> String? {
        let memberPath = memberPath(key)
        guard let value = object[key] else {
            if required { log.add(memberPath, "expected a string, found none") }
            return nil
        }
        guard case .string(let text) = value else {
            log.add(memberPath, "expected a string, found \(Self.kind(value))")
            return nil
        }
        if text.isEmpty { log.add(memberPath, "expected a non-empty string, found an empty one") }
        if let limitKey, let limit = VDSNCProfile.fieldLimits[limitKey], text.unicodeScalars.count > limit {
            log.add(memberPath, "expected at most \(limit) characters, found \(text.unicodeScalars.count)")
        }
        return text
    }

    /// A full date member (`YYYY-MM-DD`).
    func date(_ key: String, required: Bool, limitKey: String) -> String? {
        guard let text = string(key, required: required, limitKey: limitKey) else { return nil }
        if CalendarDate(text) == nil { log.add(memberPath(key), "expected a date YYYY-MM-DD, found another text") }
        return text
    }

    /// A dose number: an integer 1–99 (a string of one or two digits is accepted, as some issuers write it).
    func doseNumber(_ key: String) -> Int? {
        let memberPath = memberPath(key)
        let number: Int64?
        switch object[key] {
        case nil:
            log.add(memberPath, "expected an integer, found none")
            return nil
        case .string(let text)
        where (1...2).contains(text.utf8.count) && text.utf8.allSatisfy({ (48...57).contains($0) }):
            number = Int64(text)
        case let value?:
            number = value.integerValue
            if number == nil { log.add(memberPath, "expected an integer, found \(Self.kind(value))") }
        }
        guard let number else { return nil }
        guard (1...Int64(VDSNCProfile.maximumDoseNumber)).contains(number) else {
            log.add(
                memberPath, "expected a dose number from 1 to \(VDSNCProfile.maximumDoseNumber), found another number")
            return nil
        }
        return Int(number)
    }

    /// An array member of at least one element.
    func array(_ key: String) -> [JSONValue]? {
        let memberPath = memberPath(key)
        guard let value = object[key] else {
            log.add(memberPath, "expected an array, found none")
            return nil
        }
        guard case .array(let elements) = value else {
            log.add(memberPath, "expected an array, found \(Self.kind(value))")
            return nil
        }
        if elements.isEmpty { log.add(memberPath, "expected at least one element, found none") }
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
