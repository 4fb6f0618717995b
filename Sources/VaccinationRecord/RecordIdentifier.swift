import JSON

/// An identifier (FHIR `Identifier`): `{"system": ..., "value": ...}`, for the person or the practitioner.
public struct RecordIdentifier: Sendable, Hashable {
    /// The namespace of the value (a URI), when known.
    public var system: String?
    /// The identifier.
    public var value: String

    /// Creates an identifier.
    public init(system: String? = nil, value: String) {
        self.system = system
        self.value = value
    }

    static func parse(_ json: JSONValue, path: String) throws -> RecordIdentifier {
        let reader = try RecordJSONReader(json, path: path, allowed: ["system", "value"])
        return RecordIdentifier(
            system: try reader.optional("system", RecordJSONReader.string),
            value: try reader.required("value", RecordJSONReader.string)
        )
    }

    var jsonValue: JSONValue {
        var object = JSONObject()
        object["system"] = system.map(JSONValue.string)
        object["value"] = .string(value)
        return .object(object)
    }
}
