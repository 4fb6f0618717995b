import Foundation
import PostgresNIO
import Storage

extension PostgresStore {
    /// Stores a new issuer; an id in use is `STORAGE_DUPLICATE`.
    public func insert(_ issuer: Issuer) async throws {
        try await execute(Self.insertQuery(issuer))
    }

    /// Stores the issuer and its keys unless an issuer exists, under an advisory lock (replicas starting together
    /// take turns); returns the oldest issuer.
    public func insertFirstIssuer(_ issuer: Issuer, keys: [SigningKey]) async throws -> Issuer {
        let logger = self.logger
        try await transaction { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresMigrations.firstStartLockKey))", logger: logger)
            let existing = try await connection.query("SELECT count(*) FROM issuers", logger: logger).collect()
            guard try existing.first?.decode(Int64.self) == 0 else { return }
            try await connection.query(Self.insertQuery(issuer), logger: logger)
            for key in keys { try await connection.query(Self.insertQuery(key), logger: logger) }
        }
        guard let first = try await issuers().first else {
            throw StorageError(.notFound, "issuers: expected a row after inserting one, found none")
        }
        return first
    }

    /// Every issuer, oldest first.
    public func issuers() async throws -> [Issuer] {
        let rows = try await rows("SELECT id, name, country, public_url, created_at FROM issuers ORDER BY created_at, id")
        return try decoding {
            try rows.map { row in
                let (id, name, country, publicURL, createdAt) = try row.decode(
                    (UUID, String, String, String, Int64).self)
                return Issuer(
                    id: id, name: name, country: country, publicURL: publicURL,
                    createdAt: PostgresCoding.date(createdAt))
            }
        }
    }

    /// Stores a new signing key; a taken key id, or an active DSC while the issuer has one, is
    /// `STORAGE_DUPLICATE`; an unknown issuer is `STORAGE_NOT_FOUND`.
    public func insert(_ key: SigningKey) async throws {
        try await execute(Self.insertQuery(key))
    }

    /// An issuer's keys (active and retired), oldest first.
    public func signingKeys(issuerID: UUID) async throws -> [SigningKey] {
        let rows = try await rows(
            """
            SELECT id, issuer_id, kind, key_id, certificate_der, sealed_private_key, status, not_before, not_after,
                   created_at
            FROM signing_keys WHERE issuer_id = \(issuerID) ORDER BY created_at, id
            """)
        return try decoding {
            try rows.map { row in
                let (id, issuerID, kind, keyID, der, sealed, status, notBefore, notAfter, createdAt) = try row.decode(
                    (UUID, UUID, String, String, ByteBuffer, ByteBuffer, String, Int64, Int64, Int64).self)
                return SigningKey(
                    id: id, issuerID: issuerID,
                    kind: try PostgresCoding.value(kind, of: SigningKey.Kind.self, column: "signing_keys.kind"),
                    keyID: keyID, certificateDER: PostgresCoding.bytes(der),
                    sealedPrivateKey: PostgresCoding.bytes(sealed),
                    status: try PostgresCoding.value(status, of: SigningKey.Status.self, column: "signing_keys.status"),
                    notBefore: PostgresCoding.date(notBefore), notAfter: PostgresCoding.date(notAfter),
                    createdAt: PostgresCoding.date(createdAt))
            }
        }
    }

    /// Retires the issuer's active DSC (if any) and stores `newKey`, in one transaction. A `newKey` of another
    /// issuer is `STORAGE_CONFLICT`; a taken key id is `STORAGE_DUPLICATE` (and nothing changes).
    public func rotate(issuerID: UUID, to newKey: SigningKey) async throws {
        guard newKey.issuerID == issuerID else {
            throw StorageError(.conflict, "signing_keys.issuer_id of the new key differs from the issuer being rotated")
        }
        let logger = self.logger
        try await transaction { connection in
            try await connection.query(
                """
                UPDATE signing_keys SET status = 'retired'
                WHERE issuer_id = \(issuerID) AND kind = 'dsc' AND status = 'active'
                """, logger: logger)
            try await connection.query(Self.insertQuery(newKey), logger: logger)
        }
    }

    static func insertQuery(_ issuer: Issuer) -> PostgresQuery {
        """
        INSERT INTO issuers (id, name, country, public_url, created_at)
        VALUES (\(issuer.id), \(issuer.name), \(issuer.country), \(issuer.publicURL), \(PostgresCoding.milliseconds(issuer.createdAt)))
        """
    }

    static func insertQuery(_ key: SigningKey) -> PostgresQuery {
        """
        INSERT INTO signing_keys (id, issuer_id, kind, key_id, certificate_der, sealed_private_key, status,
                                  not_before, not_after, created_at)
        VALUES (\(key.id), \(key.issuerID), \(key.kind.rawValue), \(key.keyID),
                \(PostgresCoding.buffer(key.certificateDER)), \(PostgresCoding.buffer(key.sealedPrivateKey)),
                \(key.status.rawValue), \(PostgresCoding.milliseconds(key.notBefore)),
                \(PostgresCoding.milliseconds(key.notAfter)), \(PostgresCoding.milliseconds(key.createdAt)))
        """
    }
}
