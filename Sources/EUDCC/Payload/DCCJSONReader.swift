import JSON

/// Lenient reader of one DCC JSON object: known members are type-checked (`DCC_INVALID_FIELD`,
/// `DCC_MISSING_FIELD`), unknown members are kept in order in ``unknownMembers``.
struct DCCJSONReader {
    let object: JSONObject
    let path: String
    /// Members that are not in `known`, in document order.
    let unknownMembers: JSONObject

    init(_ value: JSONValue, path: String, known: [String]) throws {
        guard case .object(let object) = value else {
            throw DCCPayloadError(.invalidField, path: path, "expected an object, found \(value.dccTypeName)")
        }
        self.object = object
        self.path = path
        self.unknownMembers = JSONObject(object.members.filter { !known.contains($0.key) })
    }

    func path(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    func optionalString(_ key: String) throws -> String? {
        guard let value = object[key] else { return nil }
        guard case .string(let text) = value else {
            throw DCCPayloadError(.invalidField, path: path(key), "expected a string, found \(value.dccTypeName)")
        }
        return text
    }

    func string(_ key: String) throws -> String {
        guard let text = try optionalString(key) else {
            throw DCCPayloadError(.missingField, path: path(key), "required member is missing")
        }
        return text
    }

    func integer(_ key: String) throws -> Int {
        guard let value = object[key] else {
            throw DCCPayloadError(.missingField, path: path(key), "required member is missing")
        }
        guard let number = value.integerValue, let integer = Int(exactly: number) else {
            throw DCCPayloadError(.invalidField, path: path(key), "expected an integer, found \(value.dccTypeName)")
        }
        return integer
    }
}

extension JSONValue {
    /// The JSON type name for error messages (never the value).
    var dccTypeName: String {
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

extension JSONObject {
    /// Appends the members of `other` that are not present yet (used to write unknown members last).
    mutating func appendMissing(_ other: JSONObject) {
        for member in other.members where self[member.key] == nil { self[member.key] = member.value }
    }
}
