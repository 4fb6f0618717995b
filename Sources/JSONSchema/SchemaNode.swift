import JSON

/// One compiled (sub)schema: every keyword already checked, parsed and resolved. Child schemas are indices
/// into ``SchemaProgram/nodes``, so `$ref` cycles need no reference cycles.
final class SchemaNode: Sendable {
    /// The JSON pointer of this schema inside the schema document (for error messages).
    let location: String
    /// The `false` schema.
    let rejectsEverything: Bool
    let types: JSONTypeSet?
    let constValue: JSONValue?
    let enumValues: [JSONValue]?

    let minLength: Int?
    let maxLength: Int?
    let pattern: ECMARegex?
    let format: StringFormat?

    let minimum: NumberBound?
    let maximum: NumberBound?
    let exclusiveMinimum: NumberBound?
    let exclusiveMaximum: NumberBound?

    let minItems: Int?
    let maxItems: Int?
    let prefixItems: [Int]
    /// Schema for elements after `prefixItems` (or all elements).
    let items: Int?

    let required: [String]
    let properties: [(name: String, node: Int)]
    /// `required` and `properties` names packed for fast comparison with member names.
    let packedRequired: [PackedName]
    let packedProperties: [(name: PackedName, node: Int)]
    let additionalProperties: Int?
    let minProperties: Int?
    let maxProperties: Int?

    let ref: Int?
    let allOf: [Int]
    let anyOf: [Int]
    let oneOf: [Int]
    let not: Int?

    /// Whether the node has no keyword at all (the `true` schema or an annotation-only one).
    let acceptsEverything: Bool

    init(_ draft: SchemaNodeDraft) {
        location = draft.location
        rejectsEverything = draft.rejectsEverything
        types = draft.types
        constValue = draft.constValue
        enumValues = draft.enumValues
        minLength = draft.minLength
        maxLength = draft.maxLength
        pattern = draft.pattern
        format = draft.format
        minimum = draft.minimum
        maximum = draft.maximum
        exclusiveMinimum = draft.exclusiveMinimum
        exclusiveMaximum = draft.exclusiveMaximum
        minItems = draft.minItems
        maxItems = draft.maxItems
        prefixItems = draft.prefixItems
        items = draft.items
        required = draft.required
        properties = draft.properties
        packedRequired = draft.required.map(PackedName.init)
        packedProperties = draft.properties.map { (PackedName($0.name), $0.node) }
        additionalProperties = draft.additionalProperties
        minProperties = draft.minProperties
        maxProperties = draft.maxProperties
        ref = draft.ref
        allOf = draft.allOf
        anyOf = draft.anyOf
        oneOf = draft.oneOf
        not = draft.not
        acceptsEverything = !draft.rejectsEverything && draft.types == nil && draft.constValue == nil
            && draft.enumValues == nil && draft.minLength == nil && draft.maxLength == nil && draft.pattern == nil
            && draft.format == nil && draft.minimum == nil && draft.maximum == nil && draft.exclusiveMinimum == nil
            && draft.exclusiveMaximum == nil && draft.minItems == nil
            && draft.maxItems == nil && draft.prefixItems.isEmpty && draft.items == nil && draft.required.isEmpty
            && draft.properties.isEmpty && draft.additionalProperties == nil && draft.minProperties == nil
            && draft.maxProperties == nil && draft.ref == nil && draft.allOf.isEmpty && draft.anyOf.isEmpty
            && draft.oneOf.isEmpty && draft.not == nil
    }

    /// The schema node declared for an object member name, if any (the first declaration wins).
    func propertyNode(named name: PackedName, text: @autoclosure () -> String) -> Int? {
        for position in packedProperties.indices
        where packedProperties[position].name.matches(name, text: properties[position].name, otherText: text()) {
            return packedProperties[position].node
        }
        return nil
    }
}

/// A node under construction (``SchemaCompiler`` fills it keyword by keyword).
struct SchemaNodeDraft {
    var location: String
    var rejectsEverything = false
    var types: JSONTypeSet?
    var constValue: JSONValue?
    var enumValues: [JSONValue]?
    var minLength: Int?
    var maxLength: Int?
    var pattern: ECMARegex?
    var format: StringFormat?
    var minimum: NumberBound?
    var maximum: NumberBound?
    var exclusiveMinimum: NumberBound?
    var exclusiveMaximum: NumberBound?
    var minItems: Int?
    var maxItems: Int?
    var prefixItems: [Int] = []
    var items: Int?
    var required: [String] = []
    var properties: [(name: String, node: Int)] = []
    var additionalProperties: Int?
    var minProperties: Int?
    var maxProperties: Int?
    var ref: Int?
    var allOf: [Int] = []
    var anyOf: [Int] = []
    var oneOf: [Int] = []
    var not: Int?

    init(location: String) {
        self.location = location
    }

    /// Schemas this node applies to the same instance (the edges a `$ref` loop would go round).
    var inPlaceChildren: [Int] {
        var children = allOf + anyOf + oneOf
        if let ref { children.append(ref) }
        if let not { children.append(not) }
        return children
    }
}

/// The JSON Schema type names, as a bit set.
struct JSONTypeSet: OptionSet, Sendable, Hashable {
    let rawValue: UInt8

    static let null = JSONTypeSet(rawValue: 1 << 0)
    static let boolean = JSONTypeSet(rawValue: 1 << 1)
    static let object = JSONTypeSet(rawValue: 1 << 2)
    static let array = JSONTypeSet(rawValue: 1 << 3)
    static let number = JSONTypeSet(rawValue: 1 << 4)
    static let string = JSONTypeSet(rawValue: 1 << 5)
    static let integer = JSONTypeSet(rawValue: 1 << 6)

    static let names: [(String, JSONTypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array), ("number", .number),
        ("string", .string), ("integer", .integer),
    ]

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init?(name: String) {
        guard let entry = Self.names.first(where: { $0.0 == name }) else { return nil }
        self = entry.1
    }

    /// "expected string, found integer", or "expected one of null, string; found number".
    func mismatchMessage(for value: JSONValue) -> String {
        let listed = Self.names.filter { contains($0.1) }.map(\.0)
        let found = Self.name(of: value)
        return listed.count == 1
            ? "expected \(listed[0]), found \(found)"
            : "expected one of \(listed.joined(separator: ", ")); found \(found)"
    }

    /// Whether a value has one of the types (`integer` also admits doubles with an integral value,
    /// `number` admits integers).
    func admits(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return contains(.null)
        case .bool: return contains(.boolean)
        case .string: return contains(.string)
        case .array: return contains(.array)
        case .object: return contains(.object)
        case .integer: return contains(.integer) || contains(.number)
        case .double(let double):
            return contains(.number) || (contains(.integer) && double.isFinite && double == double.rounded(.towardZero))
        }
    }

    /// The type name of a value, for messages.
    static func name(of value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        case .integer: return "integer"
        case .double: return "number"
        }
    }
}
