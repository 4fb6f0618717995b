import TransparencyLog

/// One leaf of the transparency log as stored in `log_leaves`: its position, the entry's kind and subject (for
/// queries), the entry's bytes (``LogEntry/encoded()``) and its Merkle leaf hash.
///
/// The columns are read back as stored, without checking them against each other: a changed row is the
/// auditor's to find (`dvc audit`), not a read error.
public struct LogLeaf: Sendable, Hashable {
    /// The leaf's index (0 for the first).
    public var index: Int
    /// ``LogEntry/Kind/description`` of the entry.
    public var kind: String
    /// ``LogEntry/subject`` of the entry.
    public var subject: String
    /// ``LogEntry/encoded()``.
    public var entry: [UInt8]
    /// `SHA-256(0x00 || entry)` (32 bytes).
    public var leafHash: [UInt8]

    /// A leaf from its stored columns.
    public init(index: Int, kind: String, subject: String, entry: [UInt8], leafHash: [UInt8]) {
        self.index = index
        self.kind = kind
        self.subject = subject
        self.entry = entry
        self.leafHash = leafHash
    }

    /// The leaf at `index` for `entry`, with its kind, subject and leaf hash computed.
    public init(index: Int, entry: LogEntry) {
        let bytes = entry.encoded()
        self.init(
            index: index, kind: entry.kind.description, subject: entry.subject, entry: bytes,
            leafHash: MerkleHashing.leafHash(bytes).bytes)
    }
}
