/// Turns events of an EPCIS 1.2/2.0 XML document into ``PreHashNode`` trees (same canonical form as JSON-LD).
struct XMLPreHashBuilder {
    static let eventTypes: Set<String> = Set(EPCISEventType.allCases.map(\.rawValue))
    /// Elements that only wrap fields (EPCIS 1.x `extension` / `baseExtension`).
    static let wrappers: Set<String> = ["extension", "baseExtension"]

    let ignoredFields: Set<String>

    /// The event elements in document order.
    static func events(in root: XMLElement) -> [XMLElement] {
        var found: [XMLElement] = []
        collect(root, into: &found)
        return found
    }

    private static func collect(_ element: XMLElement, into found: inout [XMLElement]) {
        for child in element.children {
            if child.namespace == nil, eventTypes.contains(child.local) {
                found.append(child)
            } else {
                collect(child, into: &found)
            }
        }
    }

    /// Expanded names listed in any `ignoreFields` element outside the events.
    static func ignoreFields(in root: XMLElement) -> Set<String> {
        var names: Set<String> = []
        func walk(_ e: XMLElement) {
            for child in e.children {
                if child.local == "ignoreFields" {
                    for field in child.children { names.insert(field.expandedName) }
                } else if !(child.namespace == nil && eventTypes.contains(child.local)) {
                    walk(child)
                }
            }
        }
        walk(root)
        return names
    }

    func eventNodes(_ event: XMLElement) -> [PreHashNode] {
        flattened(event.children).flatMap { convert($0) }
    }

    private func flattened(_ elements: [XMLElement]) -> [XMLElement] {
        elements.flatMap { e in
            e.namespace == nil && XMLPreHashBuilder.wrappers.contains(e.local) ? flattened(e.children) : [e]
        }
    }

    private func convert(_ e: XMLElement) -> [PreHashNode] {
        let name = e.expandedName
        if ignoredFields.contains(name) { return [] }
        guard e.namespace == nil else { return [generic(e)] }
        switch e.local {
        case "eventID", "recordTime", "errorDeclaration":
            return []
        case _ where PreHashOrder.epcLists.contains(e.local):
            return [PreHashNode(name, children: flattened(e.children).map { PreHashNode("epc", value: value(e.local, $0)) })]
        case _ where PreHashOrder.quantityLists.contains(e.local):
            let elements = flattened(e.children).map {
                PreHashNode("quantityElement", children: members($0), order: PreHashOrder.quantityElement)
            }
            return [PreHashNode(name, children: elements)]
        case _ where PreHashOrder.typedLists[e.local] != nil:
            let valueKey = PreHashOrder.typedLists[e.local] ?? ""
            let elements = flattened(e.children).map { item -> PreHashNode in
                var children = attributeNodes(item)
                children.append(PreHashNode(valueKey, value: value(valueKey, item)))
                return PreHashNode("", children: children, order: [.init("type"), .init(valueKey)])
            }
            return [PreHashNode(name, children: elements)]
        case "sensorElementList":
            let elements = flattened(e.children).map {
                PreHashNode("sensorElement", children: members($0), order: PreHashOrder.sensorElement)
            }
            return [PreHashNode(name, children: elements)]
        case "sensorMetadata":
            return [PreHashNode(name, children: attributeNodes(e) + members(e), order: PreHashOrder.sensorMetadata)]
        case "sensorReport":
            return [PreHashNode(name, children: attributeNodes(e) + members(e), order: PreHashOrder.sensorReport)]
        case "readPoint", "bizLocation":
            return [PreHashNode(name, children: members(e), order: [.init("id")])]
        case "persistentDisposition":
            return [PreHashNode(name, children: members(e), order: [.init("set"), .init("unset")])]
        default:
            return [generic(e)]
        }
    }

    private func members(_ e: XMLElement) -> [PreHashNode] {
        flattened(e.children).flatMap { convert($0) }
    }

    private func generic(_ e: XMLElement) -> PreHashNode {
        let children = attributeNodes(e) + flattened(e.children).map { generic($0) }
        return PreHashNode(e.expandedName, value: value(e.expandedName, e), children: children)
    }

    private func attributeNodes(_ e: XMLElement) -> [PreHashNode] {
        e.attributes.filter { $0.namespace != "http://www.w3.org/2001/XMLSchema-instance" }.map { attribute in
            let name = attribute.namespace.map { "{\($0)}\(attribute.local)" } ?? attribute.local
            return PreHashNode(name, value: canonical(name, attribute.value, prefixes: e.prefixes))
        }
    }

    private func value(_ name: String, _ e: XMLElement) -> String {
        canonical(name, e.text, prefixes: e.prefixes)
    }

    /// XML values: compact IRIs are expanded only for GS1 vocabulary namespaces, then the common canonical form.
    private func canonical(_ name: String, _ raw: String, prefixes: [String: String]) -> String {
        var text = EPCISValueCanonicaliser.trim(raw)
        if let colon = text.firstIndex(of: ":"), let iri = prefixes[String(text[..<colon])],
            iri.hasPrefix("https://gs1.org") || iri.hasPrefix("https://ref.gs1.org")
        {
            text = iri + text[text.index(after: colon)...]
        }
        return EPCISValueCanonicaliser.canonical(name: name, value: text)
    }
}
