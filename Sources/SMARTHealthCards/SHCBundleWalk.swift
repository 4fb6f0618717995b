import JSON

/// One depth-first pass over a FHIR Bundle that gathers what ``SHCBundleValidator`` reports about every value:
/// empty values anywhere, and for each entry's resource its unresolved references and the data-minimisation
/// findings of its CodeableConcepts and Codings.
///
/// Paths are kept as components and spelled out only when a finding is recorded (most cards have none), and
/// the findings are bucketed so that the validator can report them in the order of its separate passes.
struct SHCBundleWalk {
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
    /// The current path below `Bundle`, one step per level: a member by its key node (`.key`, stored as the node,
    /// 0 or more) or an array index (`[n]`, stored as -1 - n). A buffer owned by the walk for its duration: an
    /// array's append and removal at every value cost more than the rest of the walk.
    private var path: UnsafeMutableBufferPointer<Int>
    private var depth = 0

    private let tape: JSONTape
    /// The N of the entries' `fullUrl`s.
    private let fullUrls: ResourceNumbers

    /// Walks node `bundle` of `tape` (its `entry` member holds the entries) whose `fullUrl`s are `resource:N`
    /// for the N in `fullUrls`.
    init(tape: JSONTape, bundle: Int, fullUrls: ResourceNumbers) {
        self.tape = tape
        self.fullUrls = fullUrls
        // Room for a payload at the verifier's depth limit; a deeper tree (a tape of a value built in code) grows it.
        path = .allocate(capacity: SHCVerifier.maximumPayloadDepth)
        visit(bundle, role: .root)
        path.deallocate()
        path = UnsafeMutableBufferPointer(start: nil, count: 0)
    }

    /// The path spelled as the validator reports it (`Bundle.entry[0].resource…`).
    private var pathText: String {
        var text = "Bundle"
        for step in path[0..<depth] {
            if step >= 0 { text += "." + (tape.string(at: step) ?? "") } else { text += "[\(-1 - step)]" }
        }
        return text
    }

    /// Checks node `node` at ``path`` and its descendants (depth-first, bounded by the parser's depth limit).
    private mutating func visit(_ node: Int, role: Role) {
        switch tape.kind(at: node) {
        case .string:
            if tape.utf8Count(at: node) == 0 { emptyErrors.append("expected no empty string at \(pathText), found one") }
        case .array:
            let count = tape.count(at: node)
            if count == 0 { emptyErrors.append("expected no empty array at \(pathText), found one") }
            var item = node + 1
            for index in 0..<count {
                let childRole: Role
                switch role {
                case .entries: childRole = .entry(index)
                case .resource(let entry): childRole = .resource(entry)
                default: childRole = .other
                }
                enter(-1 - index)
                visit(item, role: childRole)
                depth -= 1
                item = tape.after(item)
            }
        case .object:
            let count = tape.count(at: node)
            if count == 0 { emptyErrors.append("expected no empty object at \(pathText), found one") }
            if case .resource(let entry) = role { checkResourceObject(node, entry: entry) }
            var seenFirst = false
            var key = node + 1
            for _ in 0..<count {
                let value = key + 1
                var childRole = Role.other
                switch role {
                case .root where !seenFirst && tape.isString(at: key, equalTo: "entry"):
                    seenFirst = true
                    childRole = .entries
                case .entry(let entry) where !seenFirst && tape.isString(at: key, equalTo: "resource"):
                    seenFirst = true
                    // Only a resource object with a resourceType gets the resource checks.
                    if tape.member("resourceType", of: value).map({ tape.kind(at: $0) == .string }) ?? false {
                        childRole = .resource(entry)
                    }
                case .resource(let entry):
                    childRole = .resource(entry)
                default:
                    break
                }
                enter(key)
                visit(value, role: childRole)
                depth -= 1
                key = tape.after(value)
            }
        case .null, .bool, .number:
            break
        }
    }

    /// Adds a step to ``path``, doubling the buffer when it is full.
    private mutating func enter(_ step: Int) {
        if depth == path.count {
            let larger = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2 * path.count)
            _ = larger.initialize(from: path)
            path.deallocate()
            path = larger
        }
        path[depth] = step
        depth += 1
    }

    /// The reference and data-minimisation checks of object `object` inside the resource of entry `entry`.
    private mutating func checkResourceObject(_ object: Int, entry: Int) {
        var coding = false, text = false, display = false
        var reference: Int?
        // One scan of the members; the first member of a key counts, as in `JSONTape.member`.
        var key = object + 1
        for _ in 0..<tape.count(at: object) {
            // The length first: most keys differ from these in length.
            switch tape.utf8Count(at: key) {
            case 9 where reference == nil && tape.isString(at: key, equalTo: "reference"): reference = key + 1
            case 6 where tape.isString(at: key, equalTo: "coding"): coding = true
            case 4 where tape.isString(at: key, equalTo: "text"): text = true
            case 7 where tape.isString(at: key, equalTo: "display"): display = true
            default: break
            }
            key = tape.after(key + 1)
        }
        if let reference {
            let resolves = tape.kind(at: reference) == .string
                && (tape.withUTF8(at: reference, SHCBundleValidator.resourceNumber(bytes:)).map(fullUrls.contains) ?? false)
            if !resolves { unresolvedReferences.append((entry, pathText + ".reference")) }
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
