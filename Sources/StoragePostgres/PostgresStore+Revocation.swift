import Foundation
import PostgresNIO
import Storage
import TransparencyLog

extension PostgresStore {
    /// Revokes a certificate: `STORAGE_NOT_FOUND` when the certificate (or the revoking principal) does not exist,
    /// `STORAGE_CONFLICT` when it is already revoked. One statement (the revocation and its log entry, queued only
    /// when the revocation is stored), so concurrent revocations of one certificate store one row and the others
    /// conflict.
    public func revoke(_ revocation: Revocation) async throws {
        let revokedAt = PostgresCoding.milliseconds(revocation.revokedAt)
        let entry = try LogEntry.revocation(revocation, time: revokedAt)
        let inserted = try await rows(
            """
            WITH inserted AS (
                INSERT INTO revocations (certificate_id, reason, revoked_by, revoked_at)
                VALUES (\(revocation.certificateID), \(revocation.reason), \(revocation.revokedBy), \(revokedAt))
                ON CONFLICT (certificate_id) DO NOTHING
                RETURNING 1
            ), queued AS (
                \(unescaped: Self.logQueueInsert) SELECT \(Self.logQueueValue(entry)) FROM inserted
            )
            SELECT 1 FROM inserted
            """)
        if inserted.isEmpty {
            throw StorageError(.conflict, "revocations: the certificate is already revoked")
        }
    }

    /// Every revocation, oldest first.
    public func revocations() async throws -> [Revocation] {
        let rows = try await rows(
            "SELECT certificate_id, reason, revoked_by, revoked_at FROM revocations ORDER BY revoked_at, certificate_id")
        return try decoding {
            try rows.map { row in
                let (certificateID, reason, revokedBy, revokedAt) = try row.decode((UUID, String, UUID, Int64).self)
                return Revocation(
                    certificateID: certificateID, reason: reason, revokedBy: revokedBy,
                    revokedAt: PostgresCoding.date(revokedAt))
            }
        }
    }
}
