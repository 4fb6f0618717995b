import TransparencyLog

/// A direct transcription of the recursive definitions of RFC 9162 §2.1 (MTH, PATH, PROOF/SUBPROOF) over an
/// array of leaf hashes, with no stored subtrees: the reference the level-based ``MerkleTree`` is checked
/// against. Quadratic, for small trees only.
enum MerkleReference {
    /// Deterministic, pairwise distinct leaf data of varied lengths: leaf 0 is empty, every other leaf starts
    /// with its index (2 bytes, big-endian) followed by 0 to 40 pattern bytes.
    static func leafData(_ index: Int) -> [UInt8] {
        guard index > 0 else { return [] }
        let pattern = (0..<(index * 7 % 41)).map { UInt8(truncatingIfNeeded: index &* 131 &+ $0 &* 17 &+ 3) }
        return [UInt8(truncatingIfNeeded: index >> 8), UInt8(truncatingIfNeeded: index)] + pattern
    }

    static func leafHashes(count: Int) -> [MerkleHash] {
        (0..<count).map { MerkleHashing.leafHash(leafData($0)) }
    }

    /// The largest power of two strictly smaller than `n` (n ≥ 2).
    static func split(_ n: Int) -> Int {
        var k = 1
        while k * 2 < n { k *= 2 }
        return k
    }

    /// MTH(D[n]).
    static func mth(_ leaves: ArraySlice<MerkleHash>) -> MerkleHash {
        switch leaves.count {
        case 0: return MerkleHashing.emptyRoot
        case 1: return leaves[leaves.startIndex]
        default:
            let k = split(leaves.count)
            let middle = leaves.startIndex + k
            return MerkleHashing.nodeHash(mth(leaves[..<middle]), mth(leaves[middle...]))
        }
    }

    /// PATH(m, D[n]).
    static func path(_ m: Int, _ leaves: ArraySlice<MerkleHash>) -> [MerkleHash] {
        guard leaves.count > 1 else { return [] }
        let k = split(leaves.count)
        let middle = leaves.startIndex + k
        if m < k {
            return path(m, leaves[..<middle]) + [mth(leaves[middle...])]
        }
        return path(m - k, leaves[middle...]) + [mth(leaves[..<middle])]
    }

    /// PROOF(m, D[n]) = SUBPROOF(m, D[n], true).
    static func proof(_ m: Int, _ leaves: ArraySlice<MerkleHash>) -> [MerkleHash] {
        subproof(m, leaves, true)
    }

    private static func subproof(_ m: Int, _ leaves: ArraySlice<MerkleHash>, _ b: Bool) -> [MerkleHash] {
        if m == leaves.count { return b ? [] : [mth(leaves)] }
        let k = split(leaves.count)
        let middle = leaves.startIndex + k
        if m <= k {
            return subproof(m, leaves[..<middle], b) + [mth(leaves[middle...])]
        }
        return subproof(m - k, leaves[middle...], false) + [mth(leaves[..<middle])]
    }

    /// A hash that differs from `hash` in its first byte.
    static func tampered(_ hash: MerkleHash) -> MerkleHash {
        var bytes = hash.bytes
        bytes[0] ^= 0x01
        return MerkleHash(bytes: bytes) ?? hash
    }
}
