/// Verification of inclusion and consistency proofs, following RFC 9162 §2.1.3.2 and §2.1.4.2.
///
/// Both functions take untrusted input (sizes, indices, proofs from a log or a client) and never trap: invalid
/// sizes or indices, proofs of the wrong length and tampered hashes all give `false`. The work is bounded by
/// the proof length and stops after at most 64 node hashes (a longer path exhausts the tree size bits).
public enum MerkleProofVerifier {
    /// Whether `proof` shows that the leaf with hash `leafHash` is at `leafIndex` in the tree of `treeSize`
    /// leaves whose root is `root` (RFC 9162 §2.1.3.2).
    ///
    /// The proof does not bind the tree size on its own: callers compare `root` with a signed tree head of
    /// that size.
    public static func verifyInclusion(
        leafHash: MerkleHash, leafIndex: Int, treeSize: Int, proof: [MerkleHash], root: MerkleHash
    ) -> Bool {
        guard treeSize > 0, leafIndex >= 0, leafIndex < treeSize else { return false }
        var fn = leafIndex
        var sn = treeSize - 1
        var computed = leafHash
        for sibling in proof {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                computed = MerkleHashing.nodeHash(sibling, computed)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                computed = MerkleHashing.nodeHash(computed, sibling)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && computed == root
    }

    /// Whether `proof` shows that the tree of `newSize` leaves with root `newRoot` is an append-only extension
    /// of the tree of `oldSize` leaves with root `oldRoot` (RFC 9162 §2.1.4.2).
    ///
    /// The cases RFC 9162 leaves to the caller: when the sizes are equal the proof must be empty and the roots
    /// equal; when `oldSize` is 0 the proof must be empty and `oldRoot` must be the empty tree's root
    /// (``MerkleHashing/emptyRoot``), since every tree extends the empty one. A negative size or
    /// `oldSize > newSize` gives `false`.
    public static func verifyConsistency(
        oldSize: Int, newSize: Int, oldRoot: MerkleHash, newRoot: MerkleHash, proof: [MerkleHash]
    ) -> Bool {
        guard oldSize >= 0, oldSize <= newSize else { return false }
        if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
        if oldSize == 0 { return proof.isEmpty && oldRoot == MerkleHashing.emptyRoot }
        guard let first = proof.first else { return false }
        // When the old tree is a complete subtree of the new one (its size is a power of two), its root is the
        // first node of the path and the proof leaves it out.
        let oldTreeIsCompleteSubtree = oldSize & (oldSize - 1) == 0
        let path = oldTreeIsCompleteSubtree ? proof[...] : proof.dropFirst()
        var fn = oldSize - 1
        var sn = newSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var oldComputed = oldTreeIsCompleteSubtree ? oldRoot : first
        var newComputed = oldComputed
        for node in path {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                oldComputed = MerkleHashing.nodeHash(node, oldComputed)
                newComputed = MerkleHashing.nodeHash(node, newComputed)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                newComputed = MerkleHashing.nodeHash(newComputed, node)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && oldComputed == oldRoot && newComputed == newRoot
    }
}
