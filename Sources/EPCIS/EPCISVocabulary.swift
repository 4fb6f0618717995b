import JSON

/// Expansion of bare-string vocabulary values (`"bizStep": "shipping"`) to the CBV / GS1 web vocabulary, as JSON-LD
/// expansion with the EPCIS 2.0 context does.
enum EPCISVocabulary {
    /// Prefixes of vocabulary IRIs that bare strings may be replaced with.
    static let vocabularyPrefixes = ["https://ref.gs1.org/cbv", "https://gs1.org/voc", "https://ref.gs1.org/voc"]

    /// The vocabulary IRIs a document uses: the expansion of every value at a vocabulary-typed position plus every
    /// string value that already is such an IRI.
    static func collect(from value: JSONValue, namespaces: EPCISNamespaces) -> Set<String> {
        var found: Set<String> = []
        walk(value, key: nil, parent: nil, namespaces: namespaces, into: &found)
        return found
    }

    /// Vocabulary IRIs indexed by every suffix that follows a `-` or `/` (up to ``maxSuffix`` bytes), so that a
    /// bare string is looked up in constant time instead of scanning all IRIs.
    struct BareStringIndex: Sendable {
        static let maxSuffix = 256
        private var matches: [String: String] = [:]
        private var ambiguous: Set<String> = []

        init(_ iris: Set<String>) {
            for iri in iris {
                let bytes = Array(iri.utf8)
                let lowest = max(0, bytes.count - BareStringIndex.maxSuffix - 1)
                var seen: Set<String> = []
                for i in stride(from: bytes.count - 2, through: lowest, by: -1) where i >= 0 {
                    guard bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "/") else { continue }
                    let suffix = String(decoding: bytes[(i + 1)...], as: UTF8.self)
                    guard seen.insert(suffix).inserted else { continue }
                    if let existing = matches[suffix], existing != iri {
                        ambiguous.insert(suffix)
                    } else {
                        matches[suffix] = iri
                    }
                }
            }
        }

        /// The one IRI ending in `-value` or `/value`, or `nil` when none or several do.
        func unique(_ value: String) -> String? {
            guard !value.isEmpty, !ambiguous.contains(value) else { return nil }
            return matches[value]
        }
    }

    private static func walk(
        _ value: JSONValue, key: String?, parent: String?, namespaces: EPCISNamespaces, into found: inout Set<String>
    ) {
        switch value {
        case .array(let items):
            for item in items { walk(item, key: key, parent: parent, namespaces: namespaces, into: &found) }
        case .object(let object):
            for member in object.members {
                walk(member.value, key: member.key, parent: key, namespaces: namespaces, into: &found)
            }
        case .string(let text):
            var expanded = text
            if let key, let table = table(key: key, parent: parent), let compact = table[text] {
                expanded = expandCompact(compact)
            } else if let key, table(key: key, parent: parent) != nil {
                expanded = namespaces.expandValue(text)
            }
            if vocabularyPrefixes.contains(where: { expanded.hasPrefix($0) }) { found.insert(expanded) }
        default:
            break
        }
    }

    /// The term table of a vocabulary-typed member, by member name and the name of the enclosing member.
    static func table(key: String, parent: String?) -> [String: String]? {
        switch (key, parent) {
        case ("bizStep", _): return CBVVocabulary.bizSteps
        case ("disposition", _), ("set", "persistentDisposition"), ("unset", "persistentDisposition"):
            return CBVVocabulary.dispositions
        case ("type", "bizTransactionList"): return CBVVocabulary.bizTransactionTypes
        case ("type", "sourceList"), ("type", "destinationList"): return CBVVocabulary.sourceDestinationTypes
        case ("type", "sensorReport"): return CBVVocabulary.measurementTypes
        case ("exception", "sensorReport"): return CBVVocabulary.exceptions
        case ("component", "sensorReport"): return CBVVocabulary.components
        case ("reason", "errorDeclaration"): return CBVVocabulary.errorReasons
        default: return nil
        }
    }

    /// `cbv:BizStep-shipping` -> `https://ref.gs1.org/cbv/BizStep-shipping` with the standard prefixes.
    static func expandCompact(_ compact: String) -> String {
        guard let colon = compact.firstIndex(of: ":"),
            let iri = EPCISNamespaces.standard[String(compact[..<colon])]
        else { return compact }
        return iri + compact[compact.index(after: colon)...]
    }

    /// The unique vocabulary IRI ending in `-value` or `/value`, if exactly one exists.
    static func bareStringReplacement(_ value: String, in vocabulary: BareStringIndex) -> String? {
        vocabulary.unique(value)
    }
}
