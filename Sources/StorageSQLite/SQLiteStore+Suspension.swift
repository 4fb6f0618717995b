import Foundation
import GRDB
import Storage

extension SQLiteStore {
    /// Suspends a certificate until a time: `STORAGE_NOT_FOUND` when it does not exist, `STORAGE_CONFLICT` when it is
    /// revoked or suspended already.
    public func suspend(_ suspension: Suspension) async throws {
        try await write("inserting into suspensions") { db in
            let id = SQLiteValues.text(suspension.certificateID)
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM certificates WHERE id = ?)", arguments: [id]) == true else {
                throw StorageError(.notFound, "certificates: no row with the suspended certificate_id")
            }
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM revocations WHERE certificate_id = ?)", arguments: [id]) == false
            else {
                throw StorageError(.conflict, "revocations: the certificate is revoked, so it cannot be suspended")
            }
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM suspensions WHERE certificate_id = ?)", arguments: [id]) == false
            else {
                throw StorageError(.conflict, "suspensions: the certificate is suspended already")
            }
            try db.execute(
                sql: "INSERT INTO suspensions (certificate_id, until, reason, suspended_by, suspended_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    id, SQLiteValues.milliseconds(suspension.until), suspension.reason, SQLiteValues.text(suspension.suspendedBy),
                    SQLiteValues.milliseconds(suspension.suspendedAt),
                ])
        }
    }

    /// Every suspension, oldest first.
    public func suspensions() async throws -> [Suspension] {
        try await read("reading suspensions") { db in
            try Row.fetchAll(
                db, sql: "SELECT certificate_id, until, reason, suspended_by, suspended_at FROM suspensions ORDER BY suspended_at, certificate_id"
            ).map { row in
                let reader = SQLiteRowReader(row: row, table: "suspensions")
                return Suspension(
                    certificateID: try reader.uuid("certificate_id"), until: try reader.date("until"), reason: try reader.string("reason"),
                    suspendedBy: try reader.uuid("suspended_by"), suspendedAt: try reader.date("suspended_at"))
            }
        }
    }
}
