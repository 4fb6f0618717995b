import Foundation
import GRDB
import Storage
import TransparencyLog

extension SQLiteStore {
    /// Revokes a certificate: `STORAGE_NOT_FOUND` when it (or the revoking principal) does not exist,
    /// `STORAGE_CONFLICT` when it is revoked already.
    public func revoke(_ revocation: Revocation) async throws {
        try await write("inserting into revocations") { db in
            let id = SQLiteValues.text(revocation.certificateID)
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM certificates WHERE id = ?)", arguments: [id])
                == true
            else {
                throw StorageError(.notFound, "expected a row in certificates with the revoked certificate_id; found none")
            }
            guard
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM revocations WHERE certificate_id = ?)", arguments: [id])
                    == false
            else {
                throw StorageError(.conflict, "expected no row in revocations for the certificate_id; found one (revoked already)")
            }
            try db.execute(
                sql: "INSERT INTO revocations (\(SQLiteEntityRows.revocationColumns)) VALUES (?, ?, ?, ?)",
                arguments: [
                    id, revocation.reason, SQLiteValues.text(revocation.revokedBy),
                    SQLiteValues.milliseconds(revocation.revokedAt),
                ])
            try Self.enqueueLogEntry(
                try LogEntry.revocation(revocation, time: SQLiteValues.milliseconds(revocation.revokedAt)), db)
        }
    }

    /// Every revocation, oldest first.
    public func revocations() async throws -> [Revocation] {
        try await read("reading revocations") { db in
            try Row.fetchAll(
                db, sql: "SELECT \(SQLiteEntityRows.revocationColumns) FROM revocations ORDER BY revoked_at, certificate_id"
            ).map(SQLiteEntityRows.revocation)
        }
    }
}
