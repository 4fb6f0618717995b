import JSON

/// Compiles a schema document into ``SchemaNode``s: checks every keyword's shape, compiles patterns and
/// resolves `$ref`s, once.
struct SchemaCompiler {
    /// Deepest schema nesting accepted (schemas are configuration, but still bounded).
    static let maxSchemaDepth = 64

    /// Assertion and applicator keywords this validator does not implement; a schema using one is refused
    /// instead of being validated as if the keyword were absent.
    static let unsupportedKeywords: Set<String> = [
        "patternProperties", "propertyNames", "dependentRequired", "dependentSchemas", "dependencies",
        "if", "then", "else", "contains", "minContains", "maxContains", "uniqueItems", "multipleOf",
        "unevaluatedProperties", "unevaluatedItems", "$dynamicRef", "$recursiveRef",
    ]

    let root: JSONValue
    let rootID: String?
    let options: JSONSchema.Options
    var drafts: [SchemaNodeDraft] = []
    var nodeByLocation: [String: Int] = [:]
    /// `$ref`s waiting to be resolved: the node holding it, the reference, and where it was written.
    var pendingReferences: [(node: Int, reference: String)] = []

    init(root: JSONValue, options: JSONSchema.Options) {
        self.root = root
        self.rootID = root["$id"]?.stringValue
        self.options = options
    }

    /// Compiles the whole document; returns the nodes, the root being node 0.
    mutating func compileDocument() throws(JSONSchemaError) -> [SchemaNode] {
        _ = try compile(root, location: "", depth: 0)
        while let (node, reference) = pendingReferences.popLast() {
            let target = try resolve(reference, from: drafts[node].location)
            drafts[node].ref = target
        }
        try rejectReferenceLoops()
        return drafts.map(SchemaNode.init)
    }

    /// Compiles the schema at `location` (memoized, so each location becomes one node).
    mutating func compile(_ schema: JSONValue, location: String, depth: Int) throws(JSONSchemaError) -> Int {
        if let existing = nodeByLocation[location] { return existing }
        guard depth <= Self.maxSchemaDepth else {
            throw JSONSchemaError(.invalid, "schema at \(Self.display(location)) is nested deeper than \(Self.maxSchemaDepth)")
        }
        let index = drafts.count
        drafts.append(SchemaNodeDraft(location: location))
        nodeByLocation[location] = index
        switch schema {
        case .bool(let accepts):
            drafts[index].rejectsEverything = !accepts
        case .object(let object):
            var draft = drafts[index]
            for member in object.members {
                try apply(member.key, member.value, to: &draft, depth: depth)
            }
            if let exclusive = object["exclusiveMinimum"], case .bool(let flag) = exclusive, flag {
                guard let minimum = draft.minimum else {
                    throw invalid(draft.location, "exclusiveMinimum", "true exclusiveMinimum needs a minimum")
                }
                draft.minimum = NumberBound(limit: minimum.limit, exclusive: true)
            }
            if let exclusive = object["exclusiveMaximum"], case .bool(let flag) = exclusive, flag {
                guard let maximum = draft.maximum else {
                    throw invalid(draft.location, "exclusiveMaximum", "true exclusiveMaximum needs a maximum")
                }
                draft.maximum = NumberBound(limit: maximum.limit, exclusive: true)
            }
            drafts[index] = draft
        default:
            throw JSONSchemaError(
                .invalid, "schema at \(Self.display(location)) must be an object or a boolean, found \(JSONTypeSet.name(of: schema))")
        }
        return index
    }

    /// Compiles a child schema found under `keyword` (and `token`, for keywords holding several).
    mutating func child(_ schema: JSONValue, of location: String, _ tokens: String..., depth: Int) throws(JSONSchemaError) -> Int {
        var childLocation = location
        for token in tokens { childLocation += "/" + JSONPointer.escape(token) }
        return try compile(schema, location: childLocation, depth: depth + 1)
    }

    // MARK: Keywords

    mutating func apply(_ keyword: String, _ value: JSONValue, to draft: inout SchemaNodeDraft, depth: Int)
        throws(JSONSchemaError)
    {
        let location = draft.location
        switch keyword {
        case "type":
            draft.types = try typeSet(value, location)
        case "enum":
            guard let values = value.arrayValue else { throw invalid(location, keyword, "an array") }
            draft.enumValues = values
        case "const":
            draft.constValue = value
        case "minLength": draft.minLength = try count(value, location, keyword)
        case "maxLength": draft.maxLength = try count(value, location, keyword)
        case "minItems": draft.minItems = try count(value, location, keyword)
        case "maxItems": draft.maxItems = try count(value, location, keyword)
        case "minProperties": draft.minProperties = try count(value, location, keyword)
        case "maxProperties": draft.maxProperties = try count(value, location, keyword)
        case "minimum":
            draft.minimum = NumberBound(limit: try number(value, location, keyword), exclusive: false)
        case "maximum":
            draft.maximum = NumberBound(limit: try number(value, location, keyword), exclusive: false)
        case "exclusiveMinimum", "exclusiveMaximum":
            // Draft 4 uses a boolean modifying minimum/maximum (handled after all keywords); later drafts a number.
            if case .bool = value { break }
            let bound = NumberBound(limit: try number(value, location, keyword), exclusive: true)
            if keyword == "exclusiveMinimum" { draft.exclusiveMinimum = bound } else { draft.exclusiveMaximum = bound }
        case "pattern":
            guard let source = value.stringValue else { throw invalid(location, keyword, "a string") }
            draft.pattern = try ECMARegex(source)
        case "format":
            guard let name = value.stringValue else { throw invalid(location, keyword, "a string") }
            if options.assertFormats { draft.format = StringFormat(rawValue: name) }
        case "required":
            guard let names = value.arrayValue?.compactMap(\.stringValue), names.count == value.arrayValue?.count else {
                throw invalid(location, keyword, "an array of strings")
            }
            draft.required = names
        case "properties":
            guard let object = value.objectValue else { throw invalid(location, keyword, "an object of schemas") }
            for member in object.members {
                draft.properties.append((member.key, try child(member.value, of: location, keyword, member.key, depth: depth)))
            }
        case "additionalProperties":
            draft.additionalProperties = try child(value, of: location, keyword, depth: depth)
        case "prefixItems":
            guard let schemas = value.arrayValue else { throw invalid(location, keyword, "an array of schemas") }
            draft.prefixItems = try children(schemas, of: location, keyword, depth: depth)
        case "items":
            if let schemas = value.arrayValue {
                // Draft 2019-09 and older: an array of items is a tuple, `additionalItems` covers the rest.
                draft.prefixItems = try children(schemas, of: location, keyword, depth: depth)
            } else {
                draft.items = try child(value, of: location, keyword, depth: depth)
            }
        case "additionalItems":
            draft.items = try child(value, of: location, keyword, depth: depth)
        case "allOf", "anyOf", "oneOf":
            guard let schemas = value.arrayValue, !schemas.isEmpty else {
                throw invalid(location, keyword, "a non-empty array of schemas")
            }
            let nodes = try children(schemas, of: location, keyword, depth: depth)
            if keyword == "allOf" { draft.allOf = nodes } else if keyword == "anyOf" { draft.anyOf = nodes } else { draft.oneOf = nodes }
        case "not":
            draft.not = try child(value, of: location, keyword, depth: depth)
        case "$ref":
            guard let reference = value.stringValue else { throw invalid(location, keyword, "a string") }
            guard let node = nodeByLocation[location] else { throw invalid(location, keyword, "inside a schema") }
            pendingReferences.append((node, reference))
        case "$defs", "definitions":
            guard let object = value.objectValue else { throw invalid(location, keyword, "an object of schemas") }
            // Compiled even when unused, so that a broken definition is reported up front.
            for member in object.members {
                _ = try child(member.value, of: location, keyword, member.key, depth: depth)
            }
        default:
            if Self.unsupportedKeywords.contains(keyword) {
                throw JSONSchemaError(
                    .unsupportedKeyword, "keyword \(keyword) at \(Self.display(location)) is not supported by this validator")
            }
            // Annotations ($schema, $id, title, description, examples, $comment, valueset-uri, ...) are ignored.
        }
    }

    mutating func children(_ schemas: [JSONValue], of location: String, _ keyword: String, depth: Int)
        throws(JSONSchemaError) -> [Int]
    {
        var nodes: [Int] = []
        for (position, schema) in schemas.enumerated() {
            nodes.append(try child(schema, of: location, keyword, String(position), depth: depth))
        }
        return nodes
    }

    func typeSet(_ value: JSONValue, _ location: String) throws(JSONSchemaError) -> JSONTypeSet {
        let names: [JSONValue]
        switch value {
        case .string: names = [value]
        case .array(let array) where !array.isEmpty: names = array
        default: throw invalid(location, "type", "a type name or a non-empty array of type names")
        }
        var set: JSONTypeSet = []
        for name in names {
            guard let text = name.stringValue, let type = JSONTypeSet(name: text) else {
                throw invalid(location, "type", "one of null, boolean, object, array, number, string, integer")
            }
            set.insert(type)
        }
        return set
    }

    func count(_ value: JSONValue, _ location: String, _ keyword: String) throws(JSONSchemaError) -> Int {
        guard let integer = value.integerValue, integer >= 0, integer <= Int64(Int32.max) else {
            throw invalid(location, keyword, "a non-negative integer")
        }
        return Int(integer)
    }

    func number(_ value: JSONValue, _ location: String, _ keyword: String) throws(JSONSchemaError) -> NumberBound.Number {
        switch value {
        case .integer(let integer): return .integer(integer)
        case .double(let double) where double.isFinite: return .double(double)
        default: throw invalid(location, keyword, "a number")
        }
    }

    func invalid(_ location: String, _ keyword: String, _ expected: String) -> JSONSchemaError {
        JSONSchemaError(.invalid, "keyword \(keyword) at \(Self.display(location)) must be \(expected)")
    }

    /// A location for messages: `#` for the root, `#/properties/ver` below it.
    static func display(_ location: String) -> String { "#" + location }
}
