import Foundation
import PostgresNIO
import Storage

extension PostgresStore {
    /// Suspends a certificate until a time: `STORAGE_NOT_FOUND` when it does not exist (the foreign key),
    /// `STORAGE_CONFLICT` when it is revoked or suspended already. One statement.
    public func suspend(_ suspension: Suspension) async throws {
        let inserted = try await rows(
            """
            INSERT INTO suspensions (certificate_id, until, reason, suspended_by, suspended_at)
            SELECT \(suspension.certificateID), \(PostgresCoding.milliseconds(suspension.until)), \(suspension.reason),
                   \(suspension.suspendedBy), \(PostgresCoding.milliseconds(suspension.suspendedAt))
            WHERE NOT EXISTS (SELECT 1 FROM revocations WHERE certificate_id = \(suspension.certificateID))
            ON CONFLICT (certificate_id) DO NOTHING
            RETURNING 1
            """)
        guard inserted.isEmpty else { return }
        let revoked = try await rows("SELECT 1 FROM revocations WHERE certificate_id = \(suspension.certificateID)")
        if revoked.isEmpty {
            let exists = try await rows("SELECT 1 FROM certificates WHERE id = \(suspension.certificateID)")
            guard !exists.isEmpty else { throw StorageError(.notFound, "certificates: no row with the suspended certificate_id") }
            throw StorageError(.conflict, "suspensions: the certificate is suspended already")
        }
        throw StorageError(.conflict, "revocations: the certificate is revoked, so it cannot be suspended")
    }

    /// Every suspension, oldest first.
    public func suspensions() async throws -> [Suspension] {
        let rows = try await rows(
            "SELECT certificate_id, until, reason, suspended_by, suspended_at FROM suspensions ORDER BY suspended_at, certificate_id")
        return try decoding {
            try rows.map { row in
                let (id, until, reason, by, at) = try row.decode((UUID, Int64, String, UUID, Int64).self)
                return Suspension(
                    certificateID: id, until: PostgresCoding.date(until), reason: reason, suspendedBy: by, suspendedAt: PostgresCoding.date(at))
            }
        }
    }
}
