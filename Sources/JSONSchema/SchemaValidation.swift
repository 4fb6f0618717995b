import JSON

/// One validation run over a compiled schema.
///
/// In collecting mode every violation is recorded with its instance path; otherwise the run stops at the
/// first failure and builds neither paths nor messages. `anyOf`, `oneOf` and `not` always evaluate their
/// subschemas in the fast mode and report one violation of their own.
struct SchemaValidation {
    /// Deepest instance nesting validated, the same as the default ``JSONParser/Options/maxDepth``: deeper
    /// values are reported (keyword `depth`) instead of recursing further, which bounds stack use.
    static let maxInstanceDepth = 64

    enum PathToken {
        case key(String)
        case index(Int)
    }

    let nodes: [SchemaNode]
    let patternStepBudget: Int
    var collecting: Bool
    var violations: [JSONSchemaViolation] = []
    var path: [PathToken] = []

    init(program: SchemaProgram, collecting: Bool) {
        self.nodes = program.nodes
        self.patternStepBudget = program.options.patternStepBudget
        self.collecting = collecting
    }

    /// Validates `value` against node `index`; returns whether it is valid.
    mutating func validate(_ index: Int, _ value: JSONValue, depth: Int) -> Bool {
        let node = nodes[index]
        if node.acceptsEverything { return true }
        if node.rejectsEverything {
            report("false", "no value is allowed here")
            return false
        }
        var valid = true

        if let types = node.types, !types.admits(value) {
            report("type", types.mismatchMessage(for: value))
            guard collecting else { return false }
            valid = false
        }
        if let constValue = node.constValue, !constValue.isEquivalent(to: value) {
            report("const", "expected the constant value given by the schema")
            guard collecting else { return false }
            valid = false
        }
        if let enumValues = node.enumValues, !enumValues.contains(where: { $0.isEquivalent(to: value) }) {
            report("enum", "expected one of \(enumValues.count) allowed values")
            guard collecting else { return false }
            valid = false
        }

        let typeSpecific: Bool
        switch value {
        case .string(let string): typeSpecific = validateString(node, string)
        case .integer, .double: typeSpecific = validateNumber(node, value)
        case .array(let elements): typeSpecific = validateArray(node, elements, depth: depth)
        case .object(let object): typeSpecific = validateObject(node, object, depth: depth)
        case .null, .bool: typeSpecific = true
        }
        if !typeSpecific {
            guard collecting else { return false }
            valid = false
        }

        if let ref = node.ref, !validate(ref, value, depth: depth) {
            guard collecting else { return false }
            valid = false
        }
        for subschema in node.allOf where !validate(subschema, value, depth: depth) {
            guard collecting else { return false }
            valid = false
        }
        if !node.anyOf.isEmpty, !node.anyOf.contains(where: { matches($0, value, depth: depth) }) {
            report("anyOf", "expected at least one of \(node.anyOf.count) subschemas to match, none matched")
            guard collecting else { return false }
            valid = false
        }
        if !node.oneOf.isEmpty {
            var matched = 0
            for subschema in node.oneOf where matches(subschema, value, depth: depth) {
                matched += 1
                if matched > 1, !collecting { break }
            }
            if matched != 1 {
                report("oneOf", "expected exactly one of \(node.oneOf.count) subschemas to match, \(matched) matched")
                guard collecting else { return false }
                valid = false
            }
        }
        if let not = node.not, matches(not, value, depth: depth) {
            report("not", "expected the value not to match the subschema of not")
            guard collecting else { return false }
            valid = false
        }
        return valid
    }

    /// Validates in the fast mode, whatever the current mode.
    mutating func matches(_ index: Int, _ value: JSONValue, depth: Int) -> Bool {
        let wasCollecting = collecting
        collecting = false
        defer { collecting = wasCollecting }
        return validate(index, value, depth: depth)
    }

    // MARK: Reporting

    mutating func report(_ keyword: String, _ message: @autoclosure () -> String) {
        guard collecting else { return }
        violations.append(JSONSchemaViolation(instancePath: pointer(), keyword: keyword, message: message()))
    }

    func pointer() -> String {
        var text = ""
        for token in path {
            switch token {
            case .key(let key): text += "/" + JSONPointer.escape(key)
            case .index(let index): text += "/" + String(index)
            }
        }
        return text
    }

    /// Validates a child value under a path token (pushed only when collecting).
    mutating func validateChild(_ index: Int, _ value: JSONValue, token: @autoclosure () -> PathToken, depth: Int) -> Bool {
        guard depth < Self.maxInstanceDepth else {
            report("depth", "values nested deeper than \(Self.maxInstanceDepth) levels are not validated")
            return false
        }
        guard collecting else { return validate(index, value, depth: depth + 1) }
        path.append(token())
        defer { path.removeLast() }
        return validate(index, value, depth: depth + 1)
    }
}
