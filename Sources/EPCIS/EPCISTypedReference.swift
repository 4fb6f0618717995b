/// A typed reference: a business transaction, a source or a destination (`type` + identifier).
public struct EPCISTypedReference: Sendable, Hashable {
    /// The type (bare CBV term such as `po`, `owning_party`, or an IRI), if given.
    public var type: String?
    /// The identifier.
    public var id: String

    /// Creates a reference.
    public init(type: String? = nil, id: String) {
        self.type = type
        self.id = id
    }
}
