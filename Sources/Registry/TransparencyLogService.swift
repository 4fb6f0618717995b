import Crypto
import Foundation
import Issuance
import Storage
import Synchronization
import TransparencyLog

/// The platform's transparency log: the Merkle tree over `log_leaves` held in memory, integration of the queued
/// entries with a signed tree head, and inclusion and consistency proofs.
///
/// Open it with ``Registry/openTransparencyLog(now:)``. Several replicas may share one database: integration
/// takes turns in the store, and each service catches up with the leaves the others appended before it proves
/// anything or signs a head.
public final class TransparencyLogService: Sendable {
    /// How many leaves one store call reads or integrates.
    public static let pageSize = 10_000

    let store: any PlatformStore
    let key: P256.Signing.PrivateKey
    /// The id of the log key (``LogSigningKey/keyID``).
    public let keyID: String
    let tree: Mutex<MerkleTree>

    init(store: any PlatformStore, key: P256.Signing.PrivateKey, keyID: String) {
        self.store = store
        self.key = key
        self.keyID = keyID
        self.tree = Mutex(MerkleTree())
    }

    /// The log's public key (ES256), which verifies every tree head it signs.
    public var publicKey: P256.Signing.PublicKey { key.publicKey }

    /// The number of leaves in memory (the store may have more, appended by another replica).
    public var size: Int { tree.withLock { $0.size } }

    /// The id of a log key: lower-case hex of the first 8 bytes of SHA-256 of its X9.63 public key.
    public static func keyID(for publicKey: P256.Signing.PublicKey) -> String {
        SHA256.hash(data: publicKey.x963Representation).prefix(8).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
    }

    /// The sealing context of the log key's private key.
    static func sealContext(keyID: String) -> String { "log-key:\(keyID)" }

    /// Loads the key (creating and storing it, sealed, on the log's first start) and every stored leaf.
    static func open(store: any PlatformStore, sealer: Sealer, now: Date) async throws -> TransparencyLogService {
        var stored = try await store.logSigningKeys().first
        if stored == nil {
            let generated = P256.Signing.PrivateKey()
            let keyID = keyID(for: generated.publicKey)
            stored = try await store.insertFirstLogKey(
                LogSigningKey(
                    keyID: keyID, publicKey: Array(generated.publicKey.x963Representation),
                    sealedPrivateKey: try sealer.seal(generated.rawRepresentation, context: sealContext(keyID: keyID)),
                    createdAt: now))
        }
        guard let stored else { throw RegistryError(.logKey, "expected a log key after storing one, found none") }
        let key: P256.Signing.PrivateKey
        do {
            key = try P256.Signing.PrivateKey(
                rawRepresentation: try sealer.open(stored.sealedPrivateKey, context: sealContext(keyID: stored.keyID)))
        } catch {
            throw RegistryError(.logKey, "expected the sealed log key to open with the master key, found it does not")
        }
        guard Array(key.publicKey.x963Representation) == stored.publicKey else {
            throw RegistryError(.logKey, "expected the log key's stored public key to match its private key, found another")
        }
        let service = TransparencyLogService(store: store, key: key, keyID: stored.keyID)
        try await service.catchUp()
        return service
    }

    /// Appends to the in-memory tree every leaf the store has beyond it (leaves another replica integrated).
    ///
    /// - Throws: ``RegistryError`` `LOG_LEAF_INVALID` when a stored leaf hash is not 32 bytes.
    func catchUp() async throws {
        let storedSize = try await store.logSize()
        while true {
            let start = size
            guard start < storedSize else { return }
            let leaves = try await store.logLeaves(from: start, to: min(storedSize, start + Self.pageSize))
            guard !leaves.isEmpty else { return }
            try append(leaves)
        }
    }

    /// Appends leaves that continue the tree (ignoring ones it has, from a concurrent catch-up).
    func append(_ leaves: [LogLeaf]) throws {
        try tree.withLock { tree in
            for leaf in leaves where leaf.index >= tree.size {
                guard leaf.index == tree.size else {
                    throw RegistryError(.logLeafInvalid, "expected log leaf \(tree.size) next, found leaf \(leaf.index)")
                }
                guard let hash = MerkleHash(bytes: leaf.leafHash) else {
                    throw RegistryError(
                        .logLeafInvalid, "expected a 32-byte leaf hash at log leaf \(leaf.index), found \(leaf.leafHash.count) bytes")
                }
                tree.append(leafHash: hash)
            }
        }
    }

    /// Moves every queued entry into the log and, when the log grew (or has no head yet), signs and stores a tree
    /// head for its new size. Returns the latest head.
    ///
    /// A replica that signs a head of the same size at the same moment wins the store's unique size; this one then
    /// returns that head.
    @discardableResult
    public func integrate(now: Date = Date()) async throws -> StoredTreeHead {
        while true {
            let leaves = try await store.integrateLogQueue(limit: Self.pageSize)
            if leaves.isEmpty { break }
            if let first = leaves.first, first.index > size { try await catchUp() }
            try append(leaves)
        }
        try await catchUp()
        let latest = try await store.treeHead(size: nil)
        let (size, root) = try tree.withLock { tree throws(TransparencyLogError) in (tree.size, try tree.root()) }
        if let latest, latest.size >= size { return latest }
        let head = TreeHead(size: size, root: root, timestamp: LogEntry.storedMilliseconds(now))
        let stored = StoredTreeHead(
            size: size, root: root.bytes, timestamp: head.timestamp, signature: try TreeHead.sign(head, key: key), keyID: keyID)
        do {
            try await store.insert(stored)
            return stored
        } catch let error as StorageError where error.errorCode == .duplicate {
            guard let other = try await store.treeHead(size: size) else { throw error }
            return other
        }
    }

    /// Every published tree head, by size.
    public func treeHeads() async throws -> [StoredTreeHead] {
        try await store.treeHeads()
    }

    /// The latest published tree head, if any.
    public func latestTreeHead() async throws -> StoredTreeHead? {
        try await store.treeHead(size: nil)
    }

    /// The published tree head of `size`, if any.
    public func treeHead(size: Int) async throws -> StoredTreeHead? {
        try await store.treeHead(size: size)
    }

    /// The leaves with an index in `start..<end` (at most ``pageSize``), by index.
    public func leaves(from start: Int, to end: Int) async throws -> [LogLeaf] {
        guard start >= 0, end >= start else {
            throw TransparencyLogError(.sizeInvalid, "expected 0 <= start <= end, found start \(start) and end \(end)")
        }
        return try await store.logLeaves(from: start, to: min(end, start + Self.pageSize))
    }

    /// The inclusion proof of the leaf at `leafIndex` in the tree of `treeSize` leaves (the latest published head's
    /// size when nil).
    ///
    /// - Throws: `LOG_INDEX_OUT_OF_RANGE`, `LOG_SIZE_INVALID` (``TransparencyLogError``); ``RegistryError``
    ///   `LOG_TREE_HEAD_NOT_FOUND` when no head is published and no size is given.
    public func inclusionProof(leafIndex: Int, treeSize: Int? = nil) async throws -> LogInclusionProof {
        let size = try await resolvedSize(treeSize)
        guard leafIndex >= 0, leafIndex < size else {
            throw TransparencyLogError(.indexOutOfRange, "expected a leaf index below the tree size \(size), found \(leafIndex)")
        }
        guard let leaf = try await store.logLeaves(from: leafIndex, to: leafIndex + 1).first else {
            throw RegistryError(.logLeafNotFound, "expected log leaf \(leafIndex) in the store, found none")
        }
        let path = try tree.withLock { tree throws(TransparencyLogError) in
            try tree.inclusionProof(leafIndex: leafIndex, treeSize: size)
        }
        return LogInclusionProof(leaf: leaf, treeSize: size, path: path)
    }

    /// The inclusion proofs of every leaf whose content hash is `contentHash` (for an issuance: SHA-256 of the
    /// payload text), in the tree of `treeSize` leaves (the latest head's size when nil); leaves beyond that size
    /// are left out. `LOG_LEAF_NOT_FOUND` when none is in the tree.
    public func inclusionProofs(contentHash: [UInt8], treeSize: Int? = nil) async throws -> [LogInclusionProof] {
        let size = try await resolvedSize(treeSize)
        var proofs: [LogInclusionProof] = []
        for index in try await store.logLeafIndices(contentHash: contentHash) where index < size {
            proofs.append(try await inclusionProof(leafIndex: index, treeSize: size))
        }
        guard !proofs.isEmpty else {
            throw RegistryError(.logLeafNotFound, "expected a log leaf with the content hash in the tree of \(size), found none")
        }
        return proofs
    }

    /// The consistency proof between the trees of `oldSize` and `newSize` leaves (the latest head's size when nil).
    ///
    /// - Throws: `LOG_SIZE_INVALID` (``TransparencyLogError``).
    public func consistencyProof(from oldSize: Int, to newSize: Int? = nil) async throws -> [MerkleHash] {
        let size = try await resolvedSize(newSize)
        return try tree.withLock { tree throws(TransparencyLogError) in try tree.consistencyProof(from: oldSize, to: size) }
    }

    /// The root of the first `size` leaves.
    public func root(size: Int) async throws -> MerkleHash {
        if size > self.size { try await catchUp() }
        return try tree.withLock { tree throws(TransparencyLogError) in try tree.root(size: size) }
    }

    /// `size`, or the latest head's size; the tree caught up to it.
    private func resolvedSize(_ size: Int?) async throws -> Int {
        let resolved: Int
        if let size {
            resolved = size
        } else if let latest = try await store.treeHead(size: nil) {
            resolved = latest.size
        } else {
            throw RegistryError(.logTreeHeadNotFound, "expected a published tree head, found none")
        }
        if resolved > self.size { try await catchUp() }
        guard resolved >= 0, resolved <= self.size else {
            throw TransparencyLogError(.sizeInvalid, "expected a tree size in 0...\(self.size), found \(resolved)")
        }
        return resolved
    }
}
