extension MerkleTree {
    /// The inclusion proof (audit path, RFC 9162 §2.1.3.1) of the leaf at `leafIndex` in the tree of the
    /// first `treeSize` leaves: the sibling hashes from the leaf up to the root, nearest the leaf first.
    ///
    /// Check it with ``MerkleProofVerifier/verifyInclusion(leafHash:leafIndex:treeSize:proof:root:)``.
    ///
    /// - Throws: `LOG_SIZE_INVALID` when `treeSize` is negative or larger than the tree;
    ///   `LOG_INDEX_OUT_OF_RANGE` when `leafIndex` is not in `0..<treeSize`.
    public func inclusionProof(leafIndex: Int, treeSize: Int) throws(TransparencyLogError) -> [MerkleHash] {
        try checkTreeSize(treeSize)
        guard leafIndex >= 0, leafIndex < treeSize else {
            throw TransparencyLogError(
                .indexOutOfRange, "expected a leaf index below the tree size \(treeSize), found \(leafIndex)")
        }
        // PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n])      for m < k
        //               = PATH(m - k, D[k:n]) : MTH(D[0:k])  for m >= k
        // Walked from the root down, so the siblings come out nearest-the-root first.
        var siblings: [MerkleHash] = []
        var start = 0
        var count = treeSize
        while count > 1 {
            let split = Self.splitPoint(count)
            if leafIndex < start + split {
                siblings.append(rangeHash(start: start + split, count: count - split))
                count = split
            } else {
                siblings.append(rangeHash(start: start, count: split))
                start += split
                count -= split
            }
        }
        siblings.reverse()
        return siblings
    }

    /// The consistency proof (RFC 9162 §2.1.4.1) that the tree of the first `newSize` leaves extends the tree
    /// of the first `oldSize` leaves.
    ///
    /// Empty when `oldSize` is 0 or equal to `newSize` (nothing to prove). Check it with
    /// ``MerkleProofVerifier/verifyConsistency(oldSize:newSize:oldRoot:newRoot:proof:)``.
    ///
    /// - Throws: `LOG_SIZE_INVALID` when `newSize` is larger than the tree or `oldSize` is not in `0...newSize`.
    public func consistencyProof(from oldSize: Int, to newSize: Int) throws(TransparencyLogError) -> [MerkleHash] {
        try checkTreeSize(newSize)
        guard oldSize >= 0, oldSize <= newSize else {
            throw TransparencyLogError(.sizeInvalid, "expected an old tree size in 0...\(newSize), found \(oldSize)")
        }
        if oldSize == 0 || oldSize == newSize { return [] }
        // SUBPROOF(m, D[m], true)  = {}
        // SUBPROOF(m, D[m], false) = {MTH(D[m])}
        // SUBPROOF(m, D[n], b)     = SUBPROOF(m, D[0:k], b) : MTH(D[k:n])          for m <= k
        //                          = SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])  for m > k
        // Walked from the root down; `oldTreeIsWholeSubtree` is the flag b.
        var outer: [MerkleHash] = []
        var start = 0
        var count = newSize
        var old = oldSize
        var oldTreeIsWholeSubtree = true
        while old != count {
            let split = Self.splitPoint(count)
            if old <= split {
                outer.append(rangeHash(start: start + split, count: count - split))
                count = split
            } else {
                outer.append(rangeHash(start: start, count: split))
                start += split
                count -= split
                old -= split
                oldTreeIsWholeSubtree = false
            }
        }
        var proof: [MerkleHash] = []
        proof.reserveCapacity(outer.count + 1)
        if !oldTreeIsWholeSubtree {
            proof.append(rangeHash(start: start, count: old))
        }
        proof.append(contentsOf: outer.reversed())
        return proof
    }
}
