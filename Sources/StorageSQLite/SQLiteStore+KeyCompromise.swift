import Foundation
import GRDB
import Storage

extension SQLiteStore {
    /// Marks a signing key compromised: `STORAGE_NOT_FOUND` for an unknown key, `STORAGE_DUPLICATE` when marked.
    public func insert(_ compromise: KeyCompromise) async throws {
        try await write("inserting into key_compromises") { db in
            let id = SQLiteValues.text(compromise.signingKeyID)
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM signing_keys WHERE id = ?)", arguments: [id]) == true else {
                throw StorageError(.notFound, "expected a row in signing_keys with the signing_key_id; found none")
            }
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM key_compromises WHERE signing_key_id = ?)", arguments: [id])
                == false
            else {
                throw StorageError(.duplicate, "the signing key is marked compromised already (key_compromises)")
            }
            try db.execute(
                sql: "INSERT INTO key_compromises (signing_key_id, key_id, reason, marked_by, marked_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    id, compromise.keyID, compromise.reason, SQLiteValues.text(compromise.markedBy),
                    SQLiteValues.milliseconds(compromise.markedAt),
                ])
        }
    }

    /// Every compromised key, oldest mark first.
    public func keyCompromises() async throws -> [KeyCompromise] {
        try await read("reading key_compromises") { db in
            try Row.fetchAll(
                db,
                sql: "SELECT signing_key_id, key_id, reason, marked_by, marked_at FROM key_compromises ORDER BY marked_at, signing_key_id"
            ).map { row in
                let reader = SQLiteRowReader(row: row, table: "key_compromises")
                return KeyCompromise(
                    signingKeyID: try reader.uuid("signing_key_id"), keyID: try reader.string("key_id"),
                    reason: try reader.string("reason"), markedBy: try reader.uuid("marked_by"), markedAt: try reader.date("marked_at"))
            }
        }
    }

    /// The certificates with a payload signed by the key, oldest first.
    public func certificateIDs(signedBy signingKeyID: UUID) async throws -> [UUID] {
        try await read("reading certificates by signing key") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id FROM certificates c
                    WHERE c.id IN (SELECT certificate_id FROM certificate_payloads WHERE signing_key_id = ?)
                    ORDER BY c.issued_at, c.id
                    """,
                arguments: [SQLiteValues.text(signingKeyID)]
            ).map { try SQLiteRowReader(row: $0, table: "certificates").uuid("id") }
        }
    }
}
