import Foundation
import PostgresNIO
import Storage

extension PostgresStore {
    /// Marks a signing key compromised: `STORAGE_NOT_FOUND` for an unknown key (the foreign key), `STORAGE_DUPLICATE`
    /// when marked already (the primary key).
    public func insert(_ compromise: KeyCompromise) async throws {
        try await execute(
            """
            INSERT INTO key_compromises (signing_key_id, key_id, reason, marked_by, marked_at)
            VALUES (\(compromise.signingKeyID), \(compromise.keyID), \(compromise.reason), \(compromise.markedBy),
                    \(PostgresCoding.milliseconds(compromise.markedAt)))
            """)
    }

    /// Every compromised key, oldest mark first.
    public func keyCompromises() async throws -> [KeyCompromise] {
        let rows = try await rows(
            "SELECT signing_key_id, key_id, reason, marked_by, marked_at FROM key_compromises ORDER BY marked_at, signing_key_id")
        return try decoding {
            try rows.map { row in
                let (id, keyID, reason, markedBy, markedAt) = try row.decode((UUID, String, String, UUID, Int64).self)
                return KeyCompromise(
                    signingKeyID: id, keyID: keyID, reason: reason, markedBy: markedBy, markedAt: PostgresCoding.date(markedAt))
            }
        }
    }

    /// The certificates with a payload signed by the key, oldest first.
    public func certificateIDs(signedBy signingKeyID: UUID) async throws -> [UUID] {
        let rows = try await rows(
            """
            SELECT c.id FROM certificates c
            WHERE c.id IN (SELECT certificate_id FROM certificate_payloads WHERE signing_key_id = \(signingKeyID))
            ORDER BY c.issued_at, c.id
            """)
        return try decoding { try rows.map { try $0.decode(UUID.self) } }
    }
}
