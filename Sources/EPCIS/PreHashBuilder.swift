import JSON

/// Turns one JSON-LD event into the ``PreHashNode`` tree of the CBV 2.0 event hash.
struct PreHashBuilder {
    let namespaces: EPCISNamespaces
    /// Expanded member names (`{namespace}local` or plain) left out of the hash (document `ignoreFields`).
    let ignoredFields: Set<String>
    /// Vocabulary IRIs the document's bare strings expand to (see ``EPCISVocabulary``).
    let vocabulary: EPCISVocabulary.BareStringIndex

    func eventNodes(_ event: JSONObject) -> [PreHashNode] {
        var nodes: [PreHashNode] = []
        for member in event.members where !PreHashOrder.ignored.contains(member.key) && !member.key.hasPrefix("@") {
            nodes += convert(member.key, member.value)
        }
        return nodes
    }

    /// Converts one member to zero or more nodes (arrays give one node per element unless the member is a list).
    private func convert(_ key: String, _ value: JSONValue) -> [PreHashNode] {
        if key == "rdfs:comment" || key == "comment" { return [] }
        let name = namespaces.expandName(key)
        if ignoredFields.contains(name) || ignoredFields.contains(key) { return [] }
        if PreHashOrder.epcLists.contains(key) {
            let epcs = (value.arrayValue ?? [value]).map { PreHashNode("epc", value: scalar("epc", $0)) }
            return [PreHashNode(name, children: epcs)]
        }
        if PreHashOrder.quantityLists.contains(key) {
            let elements = (value.arrayValue ?? [value]).map {
                PreHashNode("quantityElement", children: members($0), order: PreHashOrder.quantityElement)
            }
            return [PreHashNode(name, children: elements)]
        }
        if let valueKey = PreHashOrder.typedLists[key] {
            let elements = (value.arrayValue ?? [value]).map {
                PreHashNode("", children: members($0), order: [.init("type"), .init(valueKey)])
            }
            return [PreHashNode(name, children: elements)]
        }
        switch key {
        case "sensorElementList":
            let elements = (value.arrayValue ?? [value]).map {
                PreHashNode("sensorElement", children: members($0), order: PreHashOrder.sensorElement)
            }
            return [PreHashNode(name, children: elements)]
        case "sensorMetadata":
            return [PreHashNode(name, children: members(value), order: PreHashOrder.sensorMetadata)]
        case "sensorReport":
            return (value.arrayValue ?? [value]).map {
                PreHashNode(name, children: members($0), order: PreHashOrder.sensorReport)
            }
        case "readPoint", "bizLocation":
            if case .string = value { return [PreHashNode(name, children: [PreHashNode("id", value: scalar("id", value))])] }
            return [PreHashNode(name, children: members(value), order: [.init("id")])]
        case "persistentDisposition":
            return [PreHashNode(name, children: members(value), order: [.init("set"), .init("unset")])]
        default:
            return generic(name, value)
        }
    }

    private func generic(_ name: String, _ value: JSONValue) -> [PreHashNode] {
        switch value {
        case .array(let items): return items.flatMap { generic(name, $0) }
        case .object: return [PreHashNode(name, children: members(value))]
        case .null: return []
        default: return [PreHashNode(name, value: scalar(name, value))]
        }
    }

    private func members(_ value: JSONValue) -> [PreHashNode] {
        guard case .object(let object) = value else { return [] }
        return object.members.filter { !$0.key.hasPrefix("@") }.flatMap { convert($0.key, $0.value) }
    }

    /// The canonical text of a scalar member value.
    private func scalar(_ name: String, _ value: JSONValue) -> String {
        switch value {
        case .string(let text):
            var s = EPCISValueCanonicaliser.trim(text)
            if let replacement = EPCISVocabulary.bareStringReplacement(s, in: vocabulary) { s = replacement }
            s = namespaces.expandValue(s)
            return EPCISValueCanonicaliser.canonical(name: name, value: s)
        case .integer(let i): return EPCISValueCanonicaliser.number(Double(i), exactInteger: i)
        case .double(let d): return EPCISValueCanonicaliser.number(d, exactInteger: nil)
        // The reference writes JSON Booleans as Python does.
        case .bool(let b): return b ? "True" : "False"
        default: return ""
        }
    }
}
