import JSON

/// One depth-first pass over a FHIR Bundle that gathers what ``SHCBundleValidator`` reports about every value:
/// empty values anywhere, and for each entry's resource its unresolved references and the data-minimisation
/// findings of its CodeableConcepts and Codings.
///
/// Paths are kept as components and spelled out only when a finding is recorded (most cards have none), and
/// the findings are bucketed so that the validator can report them in the order of its separate passes.
struct SHCBundleWalk {
    /// One step of a JSON path: a member key (`.key`) or an array index (`[n]`).
    enum Component {
        case key(String)
        case index(Int)
    }

    /// Where a value sits relative to the bundle's entries (which decides the checks it gets).
    private enum Role {
        case root, entries, entry(Int), resource(Int), other
    }

    /// `expected no empty … at PATH` errors, in visiting order.
    var emptyErrors: [String] = []
    /// The references of the entries' resources that are not a `resource:N` naming an entry: entry index and
    /// path of the `reference` member.
    var unresolvedReferences: [(entry: Int, path: String)] = []
    /// CodeableConcept.text and Coding.display warnings of the entries' resources, with their entry index.
    var minimisationWarnings: [(entry: Int, text: String)] = []
    /// The current path below `Bundle`.
    private var path: [Component] = []

    /// The N of the entries' `fullUrl`s.
    private let fullUrls: ResourceNumbers

    /// Walks `bundle` (its `entry` member, the first with that key, holds the entries) whose `fullUrl`s are
    /// `resource:N` for the N in `fullUrls`.
    init(bundle: JSONValue, fullUrls: ResourceNumbers) {
        self.fullUrls = fullUrls
        path.reserveCapacity(16)
        visit(bundle, role: .root)
    }

    /// The path spelled as the validator reports it (`Bundle.entry[0].resource…`).
    static func spell(_ components: some Sequence<Component>) -> String {
        var text = "Bundle"
        for component in components {
            switch component {
            case .key(let key): text += "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    private var pathText: String { Self.spell(path) }

    /// Checks `value` at ``path`` and its descendants (depth-first, bounded by the parser's depth limit).
    private mutating func visit(_ value: JSONValue, role: Role) {
        switch value {
        case .string(let text):
            if text.isEmpty { emptyErrors.append("expected no empty string at \(pathText), found one") }
        case .array(let items):
            if items.isEmpty { emptyErrors.append("expected no empty array at \(pathText), found one") }
            for (index, item) in items.enumerated() {
                let childRole: Role
                switch role {
                case .entries: childRole = .entry(index)
                case .resource(let entry): childRole = .resource(entry)
                default: childRole = .other
                }
                path.append(.index(index))
                visit(item, role: childRole)
                path.removeLast()
            }
        case .object(let object):
            if object.count == 0 { emptyErrors.append("expected no empty object at \(pathText), found one") }
            if case .resource(let entry) = role { checkResourceObject(object, entry: entry) }
            var seenFirst = false
            // Through the buffer, so that a member is borrowed rather than copied (a copy retains its value).
            object.members.withUnsafeBufferPointer { members in
            for member in members {
                var childRole = Role.other
                switch role {
                case .root where !seenFirst && member.key == "entry":
                    seenFirst = true
                    childRole = .entries
                case .entry(let entry) where !seenFirst && member.key == "resource":
                    seenFirst = true
                    // Only a resource object with a resourceType gets the resource checks.
                    if case .object(let resource) = member.value, resource["resourceType"]?.stringValue != nil {
                        childRole = .resource(entry)
                    }
                case .resource(let entry):
                    childRole = .resource(entry)
                default:
                    break
                }
                path.append(.key(member.key))
                visit(member.value, role: childRole)
                path.removeLast()
            }
            }
        default:
            break
        }
    }

    /// The reference and data-minimisation checks of one object inside the resource of entry `entry`.
    private mutating func checkResourceObject(_ object: JSONObject, entry: Int) {
        var coding = false, text = false, display = false
        var reference: JSONValue?
        // One scan of the members; the first member of a key counts, as in `JSONObject`'s subscript.
        for member in object.members {
            // The length first: comparing unequal strings is a call, their UTF-8 count is not.
            switch member.key.utf8.count {
            case 9 where reference == nil && member.key == "reference": reference = member.value
            case 6 where member.key == "coding": coding = true
            case 4 where member.key == "text": text = true
            case 7 where member.key == "display": display = true
            default: break
            }
        }
        if let reference, !(reference.stringValue.flatMap(SHCBundleValidator.resourceNumber).map(fullUrls.contains) ?? false) {
            unresolvedReferences.append((entry, pathText + ".reference"))
        }
        guard coding && text || display else { return }
        let valuePath = pathText
        if coding, text {
            minimisationWarnings.append((entry, "expected no CodeableConcept.text at \(valuePath) (data minimisation), found one"))
        }
        if display, valuePath.hasSuffix("]"), valuePath.contains(".coding[") {
            minimisationWarnings.append((entry, "expected no Coding.display at \(valuePath) (data minimisation), found one"))
        }
    }
}
