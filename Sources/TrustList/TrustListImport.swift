/// Issuers read from a foreign trust-list document, with the entries that were left out and why.
public struct TrustListImport: Sendable {
    /// One entry of the imported document that was not imported.
    public struct Skipped: Sendable, Hashable {
        /// The entry's position in the document (0-based).
        public let index: Int
        /// Why: `TRUST_LIST_IMPORT_ENTRY_INVALID`, `TRUST_LIST_IMPORT_ENTRY_UNSUPPORTED` or
        /// `TRUST_LIST_IMPORT_ENTRY_MISMATCH`.
        public let reason: TrustListError
    }

    /// The issuers, sorted by id; ready to be put into a ``TrustList``.
    public var issuers: [TrustListIssuer]
    /// The entries left out, in document order.
    public var skipped: [Skipped]
}
