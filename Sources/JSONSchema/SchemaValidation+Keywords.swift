import JSON

extension SchemaValidation {
    mutating func validateString(_ node: SchemaNode, _ string: String) -> Bool {
        var valid = true
        if node.minLength != nil || node.maxLength != nil {
            // Scalars never outnumber UTF-8 bytes: a short enough byte count settles maxLength without counting.
            let bytes = string.utf8.count
            let needsCount = (node.maxLength.map { bytes > $0 } ?? false) || (node.minLength.map { $0 > 0 } ?? false)
            let length = needsCount ? Self.scalarCount(string) : bytes
            if let minLength = node.minLength, length < minLength {
                report("minLength", "expected at least \(minLength) characters, found \(length)")
                guard collecting else { return false }
                valid = false
            }
            if let maxLength = node.maxLength, length > maxLength {
                report("maxLength", "expected at most \(maxLength) characters, found \(length)")
                guard collecting else { return false }
                valid = false
            }
        }
        if let pattern = node.pattern {
            switch pattern.search(string, stepBudget: patternStepBudget) {
            case .match:
                break
            case .noMatch:
                report("pattern", "does not match pattern \(pattern.pattern)")
                guard collecting else { return false }
                valid = false
            case .budgetExceeded:
                let budget = patternStepBudget
                report("pattern", "matching pattern \(pattern.pattern) took more than \(budget) steps; treated as not matching")
                guard collecting else { return false }
                valid = false
            }
        }
        if let format = node.format, !format.accepts(string) {
            report("format", "expected \(format.expectation)")
            guard collecting else { return false }
            valid = false
        }
        return valid
    }

    /// Unicode scalars in a string (`maxLength` counts code points).
    static func scalarCount(_ string: String) -> Int {
        let counted = string.utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
        return counted ?? string.unicodeScalars.count
    }

    mutating func validateNumber(_ node: SchemaNode, _ value: JSONValue) -> Bool {
        var valid = true
        if let bound = node.minimum, !bound.admitsAsMinimum(value) {
            report("minimum", "expected a number \(bound.exclusive ? ">" : ">=") \(bound.text)")
            guard collecting else { return false }
            valid = false
        }
        if let bound = node.exclusiveMinimum, !bound.admitsAsMinimum(value) {
            report("exclusiveMinimum", "expected a number > \(bound.text)")
            guard collecting else { return false }
            valid = false
        }
        if let bound = node.maximum, !bound.admitsAsMaximum(value) {
            report("maximum", "expected a number \(bound.exclusive ? "<" : "<=") \(bound.text)")
            guard collecting else { return false }
            valid = false
        }
        if let bound = node.exclusiveMaximum, !bound.admitsAsMaximum(value) {
            report("exclusiveMaximum", "expected a number < \(bound.text)")
            guard collecting else { return false }
            valid = false
        }
        return valid
    }

    mutating func validateArray(_ node: SchemaNode, _ elements: [JSONValue], depth: Int) -> Bool {
        var valid = true
        if let minItems = node.minItems, elements.count < minItems {
            report("minItems", "expected at least \(minItems) items, found \(elements.count)")
            guard collecting else { return false }
            valid = false
        }
        if let maxItems = node.maxItems, elements.count > maxItems {
            report("maxItems", "expected at most \(maxItems) items, found \(elements.count)")
            guard collecting else { return false }
            valid = false
        }
        guard !node.prefixItems.isEmpty || node.items != nil else { return valid }
        for (position, element) in elements.enumerated() {
            let schema = position < node.prefixItems.count ? node.prefixItems[position] : node.items
            guard let schema else { continue }
            if !validateChild(schema, element, token: .index(position), depth: depth) {
                guard collecting else { return false }
                valid = false
            }
        }
        return valid
    }

    mutating func validateObject(_ node: SchemaNode, _ object: JSONObject, depth: Int) -> Bool {
        var valid = true
        let members = object.members
        if let minProperties = node.minProperties, members.count < minProperties {
            report("minProperties", "expected at least \(minProperties) properties, found \(members.count)")
            guard collecting else { return false }
            valid = false
        }
        if let maxProperties = node.maxProperties, members.count > maxProperties {
            report("maxProperties", "expected at most \(maxProperties) properties, found \(members.count)")
            guard collecting else { return false }
            valid = false
        }
        guard !node.required.isEmpty || !node.properties.isEmpty || node.additionalProperties != nil else { return valid }
        // Member names packed once, then compared as integers with the schema's names.
        return withUnsafeTemporaryAllocation(of: PackedName.self, capacity: members.count) { names in
            for index in members.indices { names.initializeElement(at: index, to: PackedName(members[index].key)) }
            defer { names.deinitialize() }
            return validateMembers(node, members, names: UnsafeBufferPointer(names), depth: depth, valid: valid)
        }
    }

    private mutating func validateMembers(
        _ node: SchemaNode, _ members: [JSONObject.Member], names: UnsafeBufferPointer<PackedName>, depth: Int,
        valid: Bool
    ) -> Bool {
        var valid = valid
        // Indices rather than bound elements throughout: binding a member or a name copies it (retains).
        for position in node.packedRequired.indices {
            let present = names.indices.contains {
                names[$0].matches(node.packedRequired[position], text: members[$0].key, otherText: node.required[position])
            }
            guard !present else { continue }
            report("required", "missing required property \"\(node.required[position])\"")
            guard collecting else { return false }
            valid = false
        }
        guard !node.properties.isEmpty || node.additionalProperties != nil else { return valid }
        for index in members.indices {
            if let schema = node.propertyNode(named: names[index], text: members[index].key) {
                if !validateChild(schema, members[index].value, token: .key(members[index].key), depth: depth) {
                    guard collecting else { return false }
                    valid = false
                }
            } else if let additional = node.additionalProperties {
                if nodes[additional].rejectsEverything {
                    if collecting {
                        path.append(.key(members[index].key))
                        report("additionalProperties", "property is not allowed (additionalProperties is false)")
                        path.removeLast()
                    }
                    guard collecting else { return false }
                    valid = false
                } else if !validateChild(additional, members[index].value, token: .key(members[index].key), depth: depth) {
                    guard collecting else { return false }
                    valid = false
                }
            }
        }
        return valid
    }
}
