import JSON

/// Prefix-to-IRI mappings from a document's JSON-LD `@context`, used to expand compact member names and values.
///
/// Remote contexts (URL strings such as the EPCIS 2.0 context) are not fetched: the terms of the standard EPCIS
/// context are built in (`epcis`, `cbv`, `cbvmda`, `gs1` and the bare-string vocabularies).
public struct EPCISNamespaces: Hashable, Sendable {
    /// The prefixes of the standard EPCIS 2.0 context.
    public static let standard: [String: String] = [
        "epcis": "https://ref.gs1.org/epcis/",
        "cbv": "https://ref.gs1.org/cbv/",
        "cbvmda": "urn:epcglobal:cbv:mda:",
        "gs1": "https://gs1.org/voc/",
    ]

    /// Prefix to namespace IRI.
    public private(set) var prefixes: [String: String]

    /// The standard prefixes only.
    public init() { self.prefixes = EPCISNamespaces.standard }

    /// The standard prefixes plus the string-valued terms of the object entries of `@context`.
    public init(context: JSONValue?) {
        self.init()
        var entries: [JSONValue] = []
        switch context {
        case .array(let items)?: entries = items
        case .object(let object)?: entries = [.object(object)]
        default: break
        }
        for entry in entries {
            guard case .object(let object) = entry else { continue }
            for member in object.members where !member.key.hasPrefix("@") {
                if case .string(let iri) = member.value { prefixes[member.key] = iri }
            }
        }
    }

    /// Expands a member name `prefix:local` to `{namespace}local`; other names are returned unchanged.
    public func expandName(_ name: String) -> String {
        guard let (prefix, local) = split(name), let iri = prefixes[prefix] else { return name }
        return "{\(iri)}\(local)"
    }

    /// Expands a compact IRI value `prefix:local` with a declared prefix to `namespace + local`; other values are
    /// returned unchanged.
    public func expandValue(_ value: String) -> String {
        guard let (prefix, local) = split(value), let iri = prefixes[prefix] else { return value }
        return iri + local
    }

    private func split(_ text: String) -> (String, String)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let prefix = String(text[..<colon])
        let local = String(text[text.index(after: colon)...])
        guard !local.hasPrefix("//") else { return nil }
        return (prefix, local)
    }
}
