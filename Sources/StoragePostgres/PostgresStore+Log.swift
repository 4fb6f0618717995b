import Foundation
import Logging
import NIOCore
import PostgresNIO
import Storage
import TransparencyLog

extension PostgresStore {
    /// The start of the statement that queues a log entry, for folding into a data-modifying CTE after the fact it
    /// records, so that both are stored by one statement:
    ///
    /// ```
    /// WITH inserted AS (INSERT INTO … RETURNING 1)
    /// \(unescaped: PostgresStore.logQueueInsert) SELECT \(PostgresStore.logQueueValue(entry)) FROM inserted
    /// ```
    static let logQueueInsert = "INSERT INTO log_queue (entry)"

    /// The bytes to bind as `log_queue.entry` (a `bytea` parameter) for `entry`.
    static func logQueueValue(_ entry: LogEntry) -> ByteBuffer {
        PostgresCoding.buffer(entry.encoded())
    }

    /// Queues `entry` for the transparency log inside the caller's open transaction on `connection`, so that the
    /// fact and its entry are stored together or not at all (telemetry batches:
    /// `try await PostgresStore.enqueueLogEntry(try LogEntry.telemetryBatch(batch, time: PostgresCoding.milliseconds(batch.receivedAt)), connection: connection, logger: logger)`).
    static func enqueueLogEntry(_ entry: LogEntry, connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            "\(unescaped: logQueueInsert) VALUES (\(logQueueValue(entry)))", logger: logger)
    }

    /// Moves up to `limit` queued entries into `log_leaves` in one transaction under a transaction-level advisory
    /// lock: replicas take turns, and each sees the leaves the previous one committed.
    public func integrateLogQueue(limit: Int) async throws -> [LogLeaf] {
        let logger = self.logger
        return try await transaction { connection in
            _ = try await connection.query(
                "SELECT pg_advisory_xact_lock(\(PostgresMigrations.logLockKey))", logger: logger
            ).collect()
            let sizeRows = try await connection.query(
                "SELECT coalesce(max(leaf_index) + 1, 0)::BIGINT FROM log_leaves", logger: logger
            ).collect()
            let next = Int(try sizeRows.first?.decode(Int64.self) ?? 0)
            var ids: [Int64] = []
            var entries: [LogEntry] = []
            for try await (id, buffer) in try await connection.query(
                "SELECT id, entry FROM log_queue ORDER BY id LIMIT \(Int64(max(0, limit)))", logger: logger
            ).decode((Int64, ByteBuffer).self) {
                do throws(TransparencyLogError) {
                    entries.append(try LogEntry(encoded: buffer.readableBytesView))
                } catch {
                    throw StorageError(.corrupt, "log_queue.entry holds bytes that are not a log entry encoding (\(error.code))")
                }
                ids.append(id)
            }
            guard !ids.isEmpty else { return [] }
            let leaves = entries.enumerated().map { LogLeaf(index: next + $0.offset, entry: $0.element) }
            // One statement for the whole batch: columns as arrays, zipped by unnest.
            try await connection.query(
                """
                INSERT INTO log_leaves (leaf_index, kind, subject, entry, leaf_hash, content_hash)
                SELECT * FROM unnest(\(leaves.map { Int64($0.index) })::BIGINT[], \(leaves.map(\.kind))::TEXT[],
                                     \(leaves.map(\.subject))::TEXT[], \(leaves.map { PostgresCoding.buffer($0.entry) })::bytea[],
                                     \(leaves.map { PostgresCoding.buffer($0.leafHash) })::bytea[],
                                     \(entries.map { PostgresCoding.buffer($0.contentHash.bytes) })::bytea[])
                """, logger: logger)
            try await connection.query("DELETE FROM log_queue WHERE id = ANY(\(ids))", logger: logger)
            return leaves
        }
    }

    /// The leaves with an index in `start..<end`, by index.
    public func logLeaves(from start: Int, to end: Int) async throws -> [LogLeaf] {
        let rows = try await rows(
            """
            SELECT leaf_index, kind, subject, entry, leaf_hash FROM log_leaves
            WHERE leaf_index >= \(Int64(start)) AND leaf_index < \(Int64(end)) ORDER BY leaf_index
            """)
        return try decoding {
            try rows.map { row in
                let (index, kind, subject, entry, leafHash) = try row.decode((Int64, String, String, ByteBuffer, ByteBuffer).self)
                return LogLeaf(
                    index: Int(index), kind: kind, subject: subject, entry: PostgresCoding.bytes(entry),
                    leafHash: PostgresCoding.bytes(leafHash))
            }
        }
    }

    /// The indices of the leaves with this content hash, ascending.
    public func logLeafIndices(contentHash: [UInt8]) async throws -> [Int] {
        let rows = try await rows(
            "SELECT leaf_index FROM log_leaves WHERE content_hash = \(PostgresCoding.buffer(contentHash)) ORDER BY leaf_index")
        return try decoding { try rows.map { Int(try $0.decode(Int64.self)) } }
    }

    /// The number of leaves (one more than the last index: indices are dense).
    public func logSize() async throws -> Int {
        let rows = try await rows("SELECT coalesce(max(leaf_index) + 1, 0)::BIGINT FROM log_leaves")
        return try decoding { Int(try rows.first?.decode(Int64.self) ?? 0) }
    }

    /// The number of queued entries.
    public func logQueueCount() async throws -> Int {
        let rows = try await rows("SELECT count(*) FROM log_queue")
        return try decoding { Int(try rows.first?.decode(Int64.self) ?? 0) }
    }

    /// Stores a signed tree head; a size that has one is `STORAGE_DUPLICATE`.
    public func insert(_ treeHead: StoredTreeHead) async throws {
        try await execute(
            """
            INSERT INTO log_tree_heads (size, root, timestamp, signature, key_id)
            VALUES (\(Int64(treeHead.size)), \(PostgresCoding.buffer(treeHead.root)), \(treeHead.timestamp),
                    \(PostgresCoding.buffer(treeHead.signature)), \(treeHead.keyID))
            """)
    }

    /// Every tree head, by size.
    public func treeHeads() async throws -> [StoredTreeHead] {
        let rows = try await rows("SELECT size, root, timestamp, signature, key_id FROM log_tree_heads ORDER BY size")
        return try decoding { try rows.map(Self.treeHead) }
    }

    /// The tree head of `size`, or the latest when nil.
    public func treeHead(size: Int?) async throws -> StoredTreeHead? {
        let rows: [PostgresRow]
        if let size {
            rows = try await self.rows(
                "SELECT size, root, timestamp, signature, key_id FROM log_tree_heads WHERE size = \(Int64(size))")
        } else {
            rows = try await self.rows(
                "SELECT size, root, timestamp, signature, key_id FROM log_tree_heads ORDER BY size DESC LIMIT 1")
        }
        return try decoding { try rows.first.map(Self.treeHead) }
    }

    private static func treeHead(_ row: PostgresRow) throws -> StoredTreeHead {
        let (size, root, timestamp, signature, keyID) = try row.decode((Int64, ByteBuffer, Int64, ByteBuffer, String).self)
        return StoredTreeHead(
            size: Int(size), root: PostgresCoding.bytes(root), timestamp: timestamp, signature: PostgresCoding.bytes(signature),
            keyID: keyID)
    }

    /// Stores `key` unless a log key exists (under the first-start advisory lock); returns the oldest key.
    public func insertFirstLogKey(_ key: LogSigningKey) async throws -> LogSigningKey {
        let logger = self.logger
        try await transaction { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresMigrations.firstStartLockKey))", logger: logger)
            let existing = try await connection.query("SELECT count(*) FROM log_signing_keys", logger: logger).collect()
            guard try existing.first?.decode(Int64.self) == 0 else { return }
            try await connection.query(
                """
                INSERT INTO log_signing_keys (key_id, public_key, sealed_private_key, created_at)
                VALUES (\(key.keyID), \(PostgresCoding.buffer(key.publicKey)), \(PostgresCoding.buffer(key.sealedPrivateKey)),
                        \(PostgresCoding.milliseconds(key.createdAt)))
                """, logger: logger)
        }
        guard let first = try await logSigningKeys().first else {
            throw StorageError(.notFound, "log_signing_keys: expected a row after inserting one, found none")
        }
        return first
    }

    /// Every log key, oldest first.
    public func logSigningKeys() async throws -> [LogSigningKey] {
        let rows = try await rows(
            "SELECT key_id, public_key, sealed_private_key, created_at FROM log_signing_keys ORDER BY created_at, key_id")
        return try decoding {
            try rows.map { row in
                let (keyID, publicKey, sealed, createdAt) = try row.decode((String, ByteBuffer, ByteBuffer, Int64).self)
                return LogSigningKey(
                    keyID: keyID, publicKey: PostgresCoding.bytes(publicKey), sealedPrivateKey: PostgresCoding.bytes(sealed),
                    createdAt: PostgresCoding.date(createdAt))
            }
        }
    }
}
