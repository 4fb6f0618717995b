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

    let tape: JSONTape
    /// The object's node in ``tape``.
    let node: Int
    let path: VDSNCFieldPath
    let log: Log

    /// A reader for node `node` at `path`, or nil (with a violation) when there is no node or it is not an object.
    /// Members not in `allowed` are violations (the profile's schemas forbid additional properties).
    init?(_ tape: JSONTape, _ node: Int?, path: VDSNCFieldPath, allowed: [StaticString], log: Log) {
        guard let node, tape.kind(at: node) == .object else {
            log.add(
                path.text,
                node == nil ? "expected an object, found none" : "expected an object, found \(Self.kind(tape, node))")
            return nil
        }
        self.tape = tape
        self.node = node
        self.path = path
        self.log = log
        tape.forEachMember(of: node) { key, _ in
            guard !allowed.contains(where: { tape.isString(at: key, equalTo: $0) }) else { return }
            log.add(
                path.text,
                "expected only the members \(allowed.map { "\($0)" }.joined(separator: ", ")), found another member")
        }
    }

    /// The value node of member `key`, if any.
    func member(_ key: StaticString) -> Int? { tape.member(key, of: node) }

    func memberPath(_ key: StaticString) -> String { path.member("\(key)") }

    /// A string member; `limit` is the profile length limit (``VDSNCProfile/fieldLimits``), checked in characters.
    func string(_ key: StaticString, required: Bool, limit: Int? = nil) -> String? {
        guard let value = member(key) else {
            if required { log.add(memberPath(key), "expected a string, found none") }
            return nil
        }
        guard let text = tape.string(at: value) else {
            log.add(memberPath(key), "expected a string, found \(Self.kind(tape, value))")
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
    func date(_ key: StaticString, required: Bool, limit: Int) -> String? {
        guard let text = string(key, required: required, limit: limit) else { return nil }
        if CalendarDate(text) == nil { log.add(memberPath(key), "expected a date YYYY-MM-DD, found another text") }
        return text
    }

    /// A dose number: an integer 1–99 (a string of one or two digits is accepted, as some issuers write it).
    func doseNumber(_ key: StaticString) -> Int? {
        guard let value = member(key) else {
            log.add(memberPath(key), "expected an integer, found none")
            return nil
        }
        let number: Int64?
        if let text = tape.string(at: value), (1...2).contains(text.utf8.count), text.utf8.allSatisfy({ (48...57).contains($0) }) {
            number = Int64(text)
        } else {
            number = tape.integer(at: value)
            if number == nil { log.add(memberPath(key), "expected an integer, found \(Self.kind(tape, value))") }
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

    /// The element nodes of an array member of at least one element.
    func array(_ key: StaticString) -> [Int]? {
        guard let value = member(key) else {
            log.add(memberPath(key), "expected an array, found none")
            return nil
        }
        guard tape.kind(at: value) == .array else {
            log.add(memberPath(key), "expected an array, found \(Self.kind(tape, value))")
            return nil
        }
        var elements: [Int] = []
        tape.forEachElement(of: value) { _, element in elements.append(element) }
        if elements.isEmpty { log.add(memberPath(key), "expected at least one element, found none") }
        return elements
    }

    /// The JSON type of node `node`, for messages ("nothing" without one).
    static func kind(_ tape: JSONTape, _ node: Int?) -> String {
        guard let node else { return "nothing" }
        switch tape.kind(at: node) {
        case .null: return "null"
        case .bool: return "a Boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
