import Storage
import TransparencyLog

/// An inclusion proof of one log leaf: the leaf as stored, the tree size it is proved in, and the audit path
/// (RFC 9162 §2.1.3.1), nearest the leaf first. Check it against a signed tree head of ``treeSize`` with
/// ``MerkleProofVerifier/verifyInclusion(leafHash:leafIndex:treeSize:proof:root:)``.
public struct LogInclusionProof: Sendable, Hashable {
    /// The leaf (index, kind, subject, entry bytes, leaf hash).
    public var leaf: LogLeaf
    /// The size of the tree the path leads to the root of.
    public var treeSize: Int
    /// The sibling hashes from the leaf up.
    public var path: [MerkleHash]

    /// A proof.
    public init(leaf: LogLeaf, treeSize: Int, path: [MerkleHash]) {
        self.leaf = leaf
        self.treeSize = treeSize
        self.path = path
    }
}
