import Crypto

/// The hashes of RFC 9162 (Certificate Transparency 2.0) §2.1.1 with SHA-256.
///
/// - leaf: `SHA-256(0x00 || leaf)`
/// - interior node: `SHA-256(0x01 || left || right)`
/// - empty tree: `SHA-256()` of the empty string
///
/// The distinct one-byte prefixes keep a leaf from ever being confused with an interior node (second-preimage
/// resistance).
public enum MerkleHashing {
    /// The root of the empty tree: SHA-256 of the empty string,
    /// `e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`.
    public static let emptyRoot: MerkleHash = MerkleHash(digest: SHA256().finalize())

    /// The leaf hash `SHA-256(0x00 || leaf)` of one log entry's bytes.
    public static func leafHash(_ leaf: some Collection<UInt8>) -> MerkleHash {
        var hasher = SHA256()
        withUnsafeBytes(of: UInt8(0x00)) { hasher.update(bufferPointer: $0) }
        let hashedContiguously: Void? = leaf.withContiguousStorageIfAvailable { buffer in
            hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
        }
        if hashedContiguously == nil {
            Array(leaf).withUnsafeBytes { hasher.update(bufferPointer: $0) }
        }
        return MerkleHash(digest: hasher.finalize())
    }

    /// The interior node hash `SHA-256(0x01 || left || right)`.
    public static func nodeHash(_ left: MerkleHash, _ right: MerkleHash) -> MerkleHash {
        // The 65-byte message in one stack buffer: a single update call, no heap allocation for the input.
        withUnsafeTemporaryAllocation(byteCount: 1 + 2 * MerkleHash.byteCount, alignment: 8) { message in
            message[0] = 0x01
            left.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: message[1..<33]).copyMemory(from: $0) }
            right.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: message[33..<65]).copyMemory(from: $0) }
            var hasher = SHA256()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(message))
            return MerkleHash(digest: hasher.finalize())
        }
    }
}

extension MerkleHash {
    /// The 32 bytes of a SHA-256 digest.
    init(digest: SHA256.Digest) {
        self = digest.withUnsafeBytes { MerkleHash(unsafeBytes: $0) }
    }
}
