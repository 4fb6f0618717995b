import Foundation
import GRDB
import Storage
import TransparencyLog

extension SQLiteStore {
    static let logLeafColumns = "leaf_index, kind, subject, entry, leaf_hash"
    static let treeHeadColumns = "size, root, timestamp, signature, key_id"
    static let logKeyColumns = "key_id, public_key, sealed_private_key, created_at"

    /// Queues `entry` for the transparency log inside the caller's open write transaction, so that the fact and
    /// its entry are stored together or not at all. Every write path that stores a logged fact calls it
    /// (issuance, revocation, lot history, EPCIS capture; telemetry batches:
    /// `try SQLiteStore.enqueueLogEntry(try LogEntry.telemetryBatch(batch, time: SQLiteValues.milliseconds(batch.receivedAt)), db)`).
    static func enqueueLogEntry(_ entry: LogEntry, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO log_queue (entry) VALUES (?)", arguments: [SQLiteValues.blob(entry.encoded())])
    }

    /// Moves up to `limit` queued entries into `log_leaves` in one write transaction (SQLite's single writer is
    /// the lock every process takes in turn).
    public func integrateLogQueue(limit: Int) async throws -> [LogLeaf] {
        try await write("integrating log_queue into log_leaves") { db in
            let next = try Int.fetchOne(db, sql: "SELECT coalesce(max(leaf_index) + 1, 0) FROM log_leaves") ?? 0
            let queued = try Row.fetchAll(
                db, sql: "SELECT id, entry FROM log_queue ORDER BY id LIMIT ?", arguments: [max(0, limit)])
            guard let lastID = try queued.last.map({ try SQLiteRowReader(row: $0, table: "log_queue").int64("id") }) else {
                return []
            }
            let insert = try db.makeStatement(
                sql: "INSERT INTO log_leaves (\(Self.logLeafColumns), content_hash) VALUES (?, ?, ?, ?, ?, ?)")
            var leaves: [LogLeaf] = []
            leaves.reserveCapacity(queued.count)
            for (offset, row) in queued.enumerated() {
                let bytes = try SQLiteRowReader(row: row, table: "log_queue").bytes("entry")
                let entry: LogEntry
                do throws(TransparencyLogError) {
                    entry = try LogEntry(encoded: bytes)
                } catch {
                    throw StorageError(.corrupt, "expected log_queue.entry to be a log entry encoding; found other bytes (\(error.code))")
                }
                let leaf = LogLeaf(index: next + offset, entry: entry)
                try insert.execute(arguments: [
                    leaf.index, leaf.kind, leaf.subject, SQLiteValues.blob(leaf.entry), SQLiteValues.blob(leaf.leafHash),
                    SQLiteValues.blob(entry.contentHash.bytes),
                ])
                leaves.append(leaf)
            }
            try db.execute(sql: "DELETE FROM log_queue WHERE id <= ?", arguments: [lastID])
            return leaves
        }
    }

    /// The leaves with an index in `start..<end`, by index.
    public func logLeaves(from start: Int, to end: Int) async throws -> [LogLeaf] {
        try await read("reading log_leaves") { db in
            try Row.fetchAll(
                db,
                sql: "SELECT \(Self.logLeafColumns) FROM log_leaves WHERE leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index",
                arguments: [start, end]
            ).map(Self.logLeaf)
        }
    }

    /// The indices of the leaves with this content hash, ascending.
    public func logLeafIndices(contentHash: [UInt8]) async throws -> [Int] {
        try await read("reading log_leaves") { db in
            try Int.fetchAll(
                db, sql: "SELECT leaf_index FROM log_leaves WHERE content_hash = ? ORDER BY leaf_index",
                arguments: [SQLiteValues.blob(contentHash)])
        }
    }

    /// The number of leaves (one more than the last index: indices are dense).
    public func logSize() async throws -> Int {
        try await read("counting log_leaves") { db in
            try Int.fetchOne(db, sql: "SELECT coalesce(max(leaf_index) + 1, 0) FROM log_leaves") ?? 0
        }
    }

    /// The number of queued entries.
    public func logQueueCount() async throws -> Int {
        try await read("counting log_queue") { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM log_queue") ?? 0 }
    }

    /// Stores a signed tree head; a size that has one is `STORAGE_DUPLICATE`.
    public func insert(_ treeHead: StoredTreeHead) async throws {
        try await write("inserting into log_tree_heads") { db in
            try db.execute(
                sql: "INSERT INTO log_tree_heads (\(Self.treeHeadColumns)) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    treeHead.size, SQLiteValues.blob(treeHead.root), treeHead.timestamp, SQLiteValues.blob(treeHead.signature),
                    treeHead.keyID,
                ])
        }
    }

    /// Every tree head, by size.
    public func treeHeads() async throws -> [StoredTreeHead] {
        try await read("reading log_tree_heads") { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.treeHeadColumns) FROM log_tree_heads ORDER BY size").map(Self.treeHead)
        }
    }

    /// The tree head of `size`, or the latest when nil.
    public func treeHead(size: Int?) async throws -> StoredTreeHead? {
        try await read("reading log_tree_heads") { db in
            let sql =
                size == nil
                ? "SELECT \(Self.treeHeadColumns) FROM log_tree_heads ORDER BY size DESC LIMIT 1"
                : "SELECT \(Self.treeHeadColumns) FROM log_tree_heads WHERE size = ?"
            return try Row.fetchOne(db, sql: sql, arguments: size.map { [$0] } ?? []).map(Self.treeHead)
        }
    }

    private static func treeHead(_ row: Row) throws -> StoredTreeHead {
        let reader = SQLiteRowReader(row: row, table: "log_tree_heads")
        return StoredTreeHead(
            size: try reader.int("size"), root: try reader.bytes("root"), timestamp: try reader.int64("timestamp"),
            signature: try reader.bytes("signature"), keyID: try reader.string("key_id"))
    }

    /// Stores `key` unless a log key exists (in one write transaction); returns the oldest key.
    public func insertFirstLogKey(_ key: LogSigningKey) async throws -> LogSigningKey {
        try await write("inserting into log_signing_keys") { db in
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM log_signing_keys") == 0 {
                try db.execute(
                    sql: "INSERT INTO log_signing_keys (\(Self.logKeyColumns)) VALUES (?, ?, ?, ?)",
                    arguments: [
                        key.keyID, SQLiteValues.blob(key.publicKey), SQLiteValues.blob(key.sealedPrivateKey),
                        SQLiteValues.milliseconds(key.createdAt),
                    ])
            }
            guard let first = try Self.logKeys(db).first else {
                throw StorageError(.notFound, "expected a row in log_signing_keys after inserting one; found none")
            }
            return first
        }
    }

    /// Every log key, oldest first.
    public func logSigningKeys() async throws -> [LogSigningKey] {
        try await read("reading log_signing_keys") { db in try Self.logKeys(db) }
    }

    private static func logKeys(_ db: Database) throws -> [LogSigningKey] {
        try Row.fetchAll(db, sql: "SELECT \(logKeyColumns) FROM log_signing_keys ORDER BY created_at, key_id").map { row in
            let reader = SQLiteRowReader(row: row, table: "log_signing_keys")
            return LogSigningKey(
                keyID: try reader.string("key_id"), publicKey: try reader.bytes("public_key"),
                sealedPrivateKey: try reader.bytes("sealed_private_key"), createdAt: try reader.date("created_at"))
        }
    }

    static func logLeaf(_ row: Row) throws -> LogLeaf {
        let reader = SQLiteRowReader(row: row, table: "log_leaves")
        return LogLeaf(
            index: try reader.int("leaf_index"), kind: try reader.string("kind"), subject: try reader.string("subject"),
            entry: try reader.bytes("entry"), leafHash: try reader.bytes("leaf_hash"))
    }
}
