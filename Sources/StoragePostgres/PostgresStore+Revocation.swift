import Foundation
import PostgresNIO
import Storage

extension PostgresStore {
    /// Revokes a certificate: `STORAGE_NOT_FOUND` when the certificate (or the revoking principal) does not exist,
    /// `STORAGE_CONFLICT` when it is already revoked. One statement, so concurrent revocations of one certificate
    /// store one row and the others conflict.
    public func revoke(_ revocation: Revocation) async throws {
        let inserted = try await rows(
            """
            INSERT INTO revocations (certificate_id, reason, revoked_by, revoked_at)
            VALUES (\(revocation.certificateID), \(revocation.reason), \(revocation.revokedBy),
                    \(PostgresCoding.milliseconds(revocation.revokedAt)))
            ON CONFLICT (certificate_id) DO NOTHING
            RETURNING 1
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
