import CodedErrors

extension ErrorCode where Domain == RegistryError {
    /// The log key cannot be created, opened with the master key, or does not match its public key.
    public static let logKey = Self("LOG_KEY_INVALID")
    /// A stored log leaf cannot be read into the tree (a leaf hash of the wrong length, a gap in the indices).
    public static let logLeafInvalid = Self("LOG_LEAF_INVALID")
    /// No log leaf has the index or content hash asked for.
    public static let logLeafNotFound = Self("LOG_LEAF_NOT_FOUND")
    /// The log has published no tree head yet.
    public static let logTreeHeadNotFound = Self("LOG_TREE_HEAD_NOT_FOUND")
    /// Audit: a leaf's stored entry differs from the one re-derived from its source row (or from its own columns).
    public static let logEntryMismatch = Self("LOG_ENTRY_MISMATCH")
    /// Audit: the row a leaf records (certificate payload, revocation, lot event, batch, EPCIS event) is gone.
    public static let logSourceMissing = Self("LOG_SOURCE_MISSING")
    /// Audit: a leaf index is missing from the log (a deleted leaf row).
    public static let logLeafMissing = Self("LOG_LEAF_MISSING")
    /// Audit: a published tree head's root or signature does not match the recomputed tree.
    public static let logTreeHeadMismatch = Self("LOG_TREE_HEAD_MISMATCH")
}

extension ErrorCode where Domain == RegistryError {
    /// An inclusion proof document does not check out (shape, signature, path), see ``LogJSON/verifyInclusion(_:pinnedKey:)``.
    public static let logProofInvalid = Self("LOG_PROOF_INVALID")
}
