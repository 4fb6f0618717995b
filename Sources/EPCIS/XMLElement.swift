/// A minimal XML element tree (enough for EPCIS 1.2/2.0 XML documents), built by ``XMLReader``.
struct XMLElement: Sendable {
    /// A resolved attribute.
    struct Attribute: Sendable {
        let namespace: String?
        let local: String
        let value: String
    }

    /// Namespace IRI of a prefixed name (unprefixed element names have none).
    let namespace: String?
    let local: String
    let attributes: [Attribute]
    var children: [XMLElement]
    /// Character data directly inside the element (concatenated).
    var text: String
    /// Prefixes in scope, for resolving compact IRIs in values.
    let prefixes: [String: String]

    /// `local` for unqualified names, `{namespace}local` otherwise.
    var expandedName: String { namespace.map { "{\($0)}\(local)" } ?? local }
}
