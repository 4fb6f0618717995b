import Foundation
import GRDB
import Storage

extension SQLiteStore {
    /// Stores a new issuer; an id in use is `STORAGE_DUPLICATE`.
    public func insert(_ issuer: Issuer) async throws {
        try await write("inserting into issuers") { db in
            try Self.insertIssuer(issuer, db)
        }
    }

    /// Stores the issuer and its keys unless an issuer exists (one write transaction); returns the oldest issuer.
    public func insertFirstIssuer(_ issuer: Issuer, keys: [SigningKey]) async throws -> Issuer {
        try await write("inserting the first issuer") { db in
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM issuers") == 0 {
                try Self.insertIssuer(issuer, db)
                for key in keys { try Self.insertSigningKey(key, db) }
            }
            guard let row = try Row.fetchOne(db, sql: "SELECT \(SQLiteEntityRows.issuerColumns) FROM issuers ORDER BY created_at, id LIMIT 1")
            else { throw StorageError(.notFound, "expected a row in issuers after inserting one; found none") }
            return try SQLiteEntityRows.issuer(row)
        }
    }

    /// Every issuer, oldest first.
    public func issuers() async throws -> [Issuer] {
        try await read("reading issuers") { db in
            try Row.fetchAll(
                db, sql: "SELECT \(SQLiteEntityRows.issuerColumns) FROM issuers ORDER BY created_at, id"
            ).map(SQLiteEntityRows.issuer)
        }
    }

    /// Stores a new signing key; a key id in use, or an active DSC while the issuer has one, is
    /// `STORAGE_DUPLICATE`; an unknown issuer is `STORAGE_NOT_FOUND`.
    public func insert(_ key: SigningKey) async throws {
        try await write("inserting into signing_keys") { db in try Self.insertSigningKey(key, db) }
    }

    /// An issuer's keys (active and retired), oldest first.
    public func signingKeys(issuerID: UUID) async throws -> [SigningKey] {
        try await read("reading signing_keys") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(SQLiteEntityRows.signingKeyColumns) FROM signing_keys
                    WHERE issuer_id = ? ORDER BY created_at, id
                    """,
                arguments: [SQLiteValues.text(issuerID)]
            ).map(SQLiteEntityRows.signingKey)
        }
    }

    /// Retires the issuer's active DSC (if any) and stores `newKey`, in one transaction.
    ///
    /// - Throws: `STORAGE_CONFLICT` when `newKey` is not an active DSC of `issuerID`; `STORAGE_NOT_FOUND` when the
    ///   issuer does not exist; `STORAGE_DUPLICATE` when `newKey`'s id or key id is taken (nothing is retired then).
    public func rotate(issuerID: UUID, to newKey: SigningKey) async throws {
        guard newKey.issuerID == issuerID, newKey.kind == .dsc, newKey.status == .active else {
            throw StorageError(
                .conflict,
                "expected the new key to be an active DSC of the rotated issuer; found another issuer_id, kind or status")
        }
        try await write("rotating signing_keys") { db in
            try db.execute(
                sql: """
                    UPDATE signing_keys SET status = 'retired'
                    WHERE issuer_id = ? AND kind = 'dsc' AND status = 'active'
                    """,
                arguments: [SQLiteValues.text(issuerID)])
            try Self.insertSigningKey(newKey, db)
        }
    }

    static func insertIssuer(_ issuer: Issuer, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO issuers (\(SQLiteEntityRows.issuerColumns)) VALUES (?, ?, ?, ?, ?)",
            arguments: [
                SQLiteValues.text(issuer.id), issuer.name, issuer.country, issuer.publicURL, SQLiteValues.milliseconds(issuer.createdAt),
            ])
    }

    static func insertSigningKey(_ key: SigningKey, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO signing_keys (\(SQLiteEntityRows.signingKeyColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                SQLiteValues.text(key.id), SQLiteValues.text(key.issuerID), key.kind.rawValue, key.keyID,
                SQLiteValues.blob(key.certificateDER), SQLiteValues.blob(key.sealedPrivateKey), key.status.rawValue,
                SQLiteValues.milliseconds(key.notBefore), SQLiteValues.milliseconds(key.notAfter),
                SQLiteValues.milliseconds(key.createdAt),
            ])
    }
}
