/// A signed tree head the log published (`log_tree_heads`): a ``TransparencyLog/TreeHead`` with its ES256
/// signature and the id of the log key that made it. One per tree size.
public struct StoredTreeHead: Sendable, Hashable {
    /// The number of leaves it covers.
    public var size: Int
    /// The Merkle root of those leaves (32 bytes).
    public var root: [UInt8]
    /// When it was produced, in milliseconds since the Unix epoch (the signed value, kept exactly).
    public var timestamp: Int64
    /// The raw ES256 signature `r || s` (64 bytes) over the head's signed bytes.
    public var signature: [UInt8]
    /// ``LogSigningKey/keyID`` of the key that signed it.
    public var keyID: String

    /// A stored tree head.
    public init(size: Int, root: [UInt8], timestamp: Int64, signature: [UInt8], keyID: String) {
        self.size = size
        self.root = root
        self.timestamp = timestamp
        self.signature = signature
        self.keyID = keyID
    }
}
