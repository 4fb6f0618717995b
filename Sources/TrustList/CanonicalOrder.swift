import JSON

/// Sorting of JSON object members into RFC 8785 order (UTF-16 code units), as the canonical encoding writes them.
enum CanonicalOrder {
    /// The object with its members, and those of nested objects, sorted.
    static func sorted(_ object: JSONObject) -> JSONObject {
        let members = object.members
            .sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
            .map { JSONObject.Member(key: $0.key, value: sorted($0.value)) }
        return JSONObject(uniqueMembers: members)
    }

    /// The value with the members of every object in it sorted. Recursion follows the value's nesting, which is
    /// bounded by the parser's depth limit for decoded input.
    static func sorted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object): return .object(sorted(object))
        case .array(let elements): return .array(elements.map(sorted))
        default: return value
        }
    }
}
