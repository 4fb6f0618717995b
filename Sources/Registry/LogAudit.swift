import Crypto
import Foundation
import Issuance
import Storage
import TransparencyLog

/// What an audit of the transparency log checked.
public struct LogAuditReport: Sendable, Hashable {
    /// The leaves re-derived from their source rows.
    public var leafCount: Int
    /// The signed tree heads checked (root and signature).
    public var treeHeadCount: Int
    /// The recomputed root of all leaves.
    public var root: MerkleHash
    /// Entries queued but not yet in the log (not audited).
    public var queuedCount: Int

    /// A report.
    public init(leafCount: Int, treeHeadCount: Int, root: MerkleHash, queuedCount: Int) {
        self.leafCount = leafCount
        self.treeHeadCount = treeHeadCount
        self.root = root
        self.queuedCount = queuedCount
    }
}

/// An audit of the transparency log from storage alone (`dvc audit`): every leaf is re-derived from the row it
/// records and compared with the stored entry, the tree is recomputed from the entries, and every tree head ever
/// published is checked against it (root and ES256 signature by its log key). The first difference throws a
/// ``RegistryError`` that names the entry (index, kind, subject) or the head (size):
///
/// - `LOG_ENTRY_MISMATCH`: the leaf's entry bytes, kind, subject or leaf hash disagree with each other, or with the
///   entry re-derived from the source row (a changed certificate, payload, revocation, lot event, batch or event);
/// - `LOG_SOURCE_MISSING`: the source row is gone;
/// - `LOG_LEAF_MISSING`: a leaf index is missing;
/// - `LOG_TREE_HEAD_MISMATCH`: a head covers more leaves than there are, its root differs, or its signature or
///   key does not verify.
///
/// Sealed payloads are opened with the master key to hash their text. The audit only reads.
public struct LogAudit: Sendable {
    let store: any PlatformStore
    let sealer: Sealer

    /// An audit of `store`, opening payloads with `sealer`.
    public init(store: any PlatformStore, sealer: Sealer) {
        self.store = store
        self.sealer = sealer
    }

    /// Runs the audit; see ``LogAudit``.
    public func run() async throws -> LogAuditReport {
        let size = try await store.logSize()
        var tree = MerkleTree()
        var sources = SourceCache()
        var start = 0
        while start < size {
            let leaves = try await store.logLeaves(from: start, to: min(size, start + TransparencyLogService.pageSize))
            for leaf in leaves {
                guard leaf.index == tree.size else {
                    throw RegistryError(.logLeafMissing, "expected log leaf \(tree.size), found leaf \(leaf.index) next (a leaf row is missing)")
                }
                let entry = try checkedEntry(leaf)
                try await checkSource(entry, leaf: leaf, sources: &sources)
                tree.append(leafHash: MerkleHashing.leafHash(leaf.entry))
            }
            guard let last = leaves.last else {
                throw RegistryError(.logLeafMissing, "expected log leaf \(tree.size), found no more leaves (a leaf row is missing)")
            }
            start = last.index + 1
        }
        let heads = try await store.treeHeads()
        try checkTreeHeads(heads, tree: tree, keys: try await store.logSigningKeys())
        return LogAuditReport(
            leafCount: tree.size, treeHeadCount: heads.count, root: try tree.root(), queuedCount: try await store.logQueueCount())
    }

    /// The leaf's entry, checked against the leaf's own columns.
    private func checkedEntry(_ leaf: LogLeaf) throws -> LogEntry {
        let entry: LogEntry
        do throws(TransparencyLogError) {
            entry = try LogEntry(encoded: leaf.entry)
        } catch {
            throw mismatch(leaf, "its entry bytes are not a log entry (\(error.code))")
        }
        guard entry.kind.description == leaf.kind, entry.subject == leaf.subject else {
            throw mismatch(leaf, "its kind and subject columns differ from its entry (\(entry.kind) \(entry.subject))")
        }
        guard MerkleHashing.leafHash(leaf.entry).bytes == leaf.leafHash else {
            throw mismatch(leaf, "its leaf hash is not the hash of its entry")
        }
        return entry
    }

    /// Re-derives the entry from its source row and compares it with the stored one.
    private func checkSource(_ entry: LogEntry, leaf: LogLeaf, sources: inout SourceCache) async throws {
        let derived: LogEntry
        switch entry.kind {
        case .issuance:
            derived = try await issuance(entry, leaf: leaf, sources: &sources)
        case .revocation:
            guard let id = UUID(uuidString: entry.subject),
                let revocation = try await sources.certificate(id, store)?.revocation
            else { throw missing(leaf, "no revocation of the certificate") }
            derived = try LogEntry.revocation(revocation, time: LogEntry.storedMilliseconds(revocation.revokedAt))
        case .lotStatus:
            derived = try await lotEvent(entry, leaf: leaf, sources: &sources)
        case .telemetryBatch:
            guard let slash = entry.subject.lastIndex(of: "/"),
                let sequence = UInt64(entry.subject[entry.subject.index(after: slash)...])
            else { throw mismatch(leaf, "its subject is not <device id>/<sequence>") }
            let deviceID = String(entry.subject[..<slash])
            let batches = try await store.telemetryBatches(
                deviceID: deviceID, afterSequence: sequence == 0 ? nil : sequence - 1, limit: 1)
            guard let batch = batches.first, batch.sequence == sequence else { throw missing(leaf, "no such telemetry batch") }
            derived = try LogEntry.telemetryBatch(batch, time: LogEntry.storedMilliseconds(batch.receivedAt))
        case .epcisEvent:
            guard let event = try await store.epcisEvent(hash: entry.subject) else { throw missing(leaf, "no such EPCIS event") }
            derived = try LogEntry.epcisEvent(event, time: LogEntry.storedMilliseconds(event.capturedAt))
        }
        guard derived.encoded() == leaf.entry else {
            throw mismatch(leaf, "the entry re-derived from its source row differs\(Self.difference(derived, entry))")
        }
    }

    private func issuance(_ entry: LogEntry, leaf: LogLeaf, sources: inout SourceCache) async throws -> LogEntry {
        let parts = entry.subject.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let id = UUID(uuidString: String(parts[0])),
            let format = CertificatePayload.Format(rawValue: String(parts[1]))
        else { throw mismatch(leaf, "its subject is not <certificate id>/<format>") }
        guard let certificate = try await sources.certificate(id, store), let payload = certificate.payload(format) else {
            throw missing(leaf, "no such certificate payload")
        }
        let text: [UInt8]
        do {
            text = try sealer.open(payload.sealedPayload, context: Registry.payloadContext(id, format.rawValue))
        } catch {
            throw mismatch(leaf, "its certificate payload does not open with the master key (changed)")
        }
        guard let hash = MerkleHash(bytes: Array(SHA256.hash(data: text))) else {
            throw mismatch(leaf, "its payload hash could not be computed")
        }
        return try LogEntry.issuance(
            certificateID: id.uuidString.lowercased(), format: format.rawValue,
            time: LogEntry.storedMilliseconds(certificate.issuedAt), payloadHash: hash)
    }

    private func lotEvent(_ entry: LogEntry, leaf: LogLeaf, sources: inout SourceCache) async throws -> LogEntry {
        // A GTIN is 14 digits without "/", so the first "/" ends it (a lot number may contain "/").
        guard let slash = entry.subject.firstIndex(of: "/") else { throw mismatch(leaf, "its subject is not <gtin>/<lot>") }
        let gtin = String(entry.subject[..<slash])
        let lot = String(entry.subject[entry.subject.index(after: slash)...])
        guard try await sources.loadLot(gtin: gtin, lot: lot, store) else { throw missing(leaf, "no history for the lot") }
        guard let match = sources.takeLotEntry(leaf.entry, key: entry.subject) else {
            throw mismatch(leaf, "no event of the lot's history re-derives to it (an event was changed or deleted)")
        }
        return match
    }

    private func checkTreeHeads(_ heads: [StoredTreeHead], tree: MerkleTree, keys: [LogSigningKey]) throws {
        var publicKeys: [String: P256.Signing.PublicKey] = [:]
        for key in keys {
            publicKeys[key.keyID] = try? P256.Signing.PublicKey(x963Representation: key.publicKey)
        }
        for head in heads {
            guard head.size >= 0, head.size <= tree.size else {
                throw RegistryError(
                    .logTreeHeadMismatch,
                    "tree head of size \(head.size): it covers more leaves than the log holds (\(tree.size)): leaves were deleted")
            }
            let root = try tree.root(size: head.size)
            guard root.bytes == head.root else {
                throw RegistryError(
                    .logTreeHeadMismatch,
                    "tree head of size \(head.size): its signed root differs from the root recomputed from the leaves")
            }
            guard let key = publicKeys[head.keyID] else {
                throw RegistryError(.logTreeHeadMismatch, "tree head of size \(head.size): its log key is not stored")
            }
            guard TreeHead(size: head.size, root: root, timestamp: head.timestamp).verify(signature: head.signature, key: key) else {
                throw RegistryError(.logTreeHeadMismatch, "tree head of size \(head.size): its signature does not verify")
            }
        }
    }

    private func mismatch(_ leaf: LogLeaf, _ what: String) -> RegistryError {
        RegistryError(.logEntryMismatch, "log leaf \(leaf.index) (\(leaf.kind) \(leaf.subject)): \(what)")
    }

    private func missing(_ leaf: LogLeaf, _ what: String) -> RegistryError {
        RegistryError(.logSourceMissing, "log leaf \(leaf.index) (\(leaf.kind) \(leaf.subject)): \(what)")
    }

    /// Which field differs (time or content hash), for the message.
    private static func difference(_ derived: LogEntry, _ stored: LogEntry) -> String {
        if derived.time != stored.time { return " (time)" }
        if derived.contentHash != stored.contentHash { return " (content hash)" }
        return ""
    }
}

/// Source rows read during one audit: the last certificate (its payloads' leaves are consecutive) and the lot
/// histories, whose events are matched to leaves once each.
struct SourceCache {
    private var lastCertificate: (id: UUID, certificate: StoredCertificate?)?
    private var lotEntries: [String: [[UInt8]]] = [:]
    private var lotHistoryCounts: [String: Int] = [:]

    mutating func certificate(_ id: UUID, _ store: any PlatformStore) async throws -> StoredCertificate? {
        if let lastCertificate, lastCertificate.id == id { return lastCertificate.certificate }
        let certificate = try await store.certificate(id: id)
        lastCertificate = (id, certificate)
        return certificate
    }

    /// Reads a lot's history once; whether it has any event.
    mutating func loadLot(gtin: String, lot: String, _ store: any PlatformStore) async throws -> Bool {
        let key = "\(gtin)/\(lot)"
        if lotEntries[key] == nil {
            let entries = try await store.lotEvents(gtin: gtin, lot: lot).map {
                try LogEntry.lotStatus($0, time: LogEntry.storedMilliseconds($0.createdAt)).encoded()
            }
            lotEntries[key] = entries
            lotHistoryCounts[key] = entries.count
        }
        return lotHistoryCounts[key, default: 0] > 0
    }

    /// Removes and returns the lot entry equal to `encoded`, if the lot's history has one left.
    mutating func takeLotEntry(_ encoded: [UInt8], key: String) -> LogEntry? {
        guard let index = lotEntries[key]?.firstIndex(of: encoded) else { return nil }
        lotEntries[key]?.remove(at: index)
        return try? LogEntry(encoded: encoded)
    }
}
