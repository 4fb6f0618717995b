import Foundation
import PostgresNIO
import Storage

extension PostgresStore {
    /// Stores a new site; a code its issuer already uses is `STORAGE_DUPLICATE`, an unknown issuer
    /// `STORAGE_NOT_FOUND`.
    public func insert(_ site: Site) async throws {
        try await execute(
            """
            INSERT INTO sites (id, issuer_id, code, name, created_at)
            VALUES (\(site.id), \(site.issuerID), \(site.code), \(site.name),
                    \(PostgresCoding.milliseconds(site.createdAt)))
            """)
    }

    /// An issuer's sites, by code.
    public func sites(issuerID: UUID) async throws -> [Site] {
        let rows = try await rows(
            """
            SELECT id, issuer_id, code, name, created_at FROM sites
            WHERE issuer_id = \(issuerID) ORDER BY code COLLATE "C"
            """)
        return try decoding {
            try rows.map { row in
                let (id, issuerID, code, name, createdAt) = try row.decode((UUID, UUID, String, String, Int64).self)
                return Site(id: id, issuerID: issuerID, code: code, name: name, createdAt: PostgresCoding.date(createdAt))
            }
        }
    }

    /// Stores a new principal; a token id in use is `STORAGE_DUPLICATE`, an unknown site `STORAGE_NOT_FOUND`.
    public func insert(_ principal: Principal) async throws {
        try await execute(Self.insertQuery(principal))
    }

    /// Stores the principal only if none exists, under an advisory lock.
    public func insertFirstPrincipal(_ principal: Principal) async throws -> Bool {
        let logger = self.logger
        return try await transaction { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresMigrations.firstStartLockKey))", logger: logger)
            let existing = try await connection.query("SELECT count(*) FROM principals", logger: logger).collect()
            guard try existing.first?.decode(Int64.self) == 0 else { return false }
            try await connection.query(Self.insertQuery(principal), logger: logger)
            return true
        }
    }

    /// The principal with this token id, if any (disabled ones included).
    public func principal(tokenID: String) async throws -> Principal? {
        let rows = try await rows(
            """
            SELECT id, name, role, token_id, token_hash, site_id, created_at, disabled_at
            FROM principals WHERE token_id = \(tokenID)
            """)
        guard let row = rows.first else { return nil }
        return try decoding {
            let (id, name, role, tokenID, tokenHash, siteID, createdAt, disabledAt) = try row.decode(
                (UUID, String, String, String, ByteBuffer, UUID?, Int64, Int64?).self)
            return Principal(
                id: id, name: name,
                role: try PostgresCoding.value(role, of: Principal.Role.self, column: "principals.role"),
                tokenID: tokenID, tokenHash: PostgresCoding.bytes(tokenHash), siteID: siteID,
                createdAt: PostgresCoding.date(createdAt), disabledAt: PostgresCoding.date(disabledAt))
        }
    }

    /// How many principals exist.
    public func principalCount() async throws -> Int {
        try await count("SELECT count(*) FROM principals")
    }

    /// The single `count(*)` of `query`.
    func count(_ query: PostgresQuery) async throws -> Int {
        let rows = try await rows(query)
        return try decoding {
            guard let row = rows.first else { return 0 }
            return try row.decode(Int.self)
        }
    }

    static func insertQuery(_ principal: Principal) -> PostgresQuery {
        """
        INSERT INTO principals (id, name, role, token_id, token_hash, site_id, created_at, disabled_at)
        VALUES (\(principal.id), \(principal.name), \(principal.role.rawValue), \(principal.tokenID),
                \(PostgresCoding.buffer(principal.tokenHash)), \(principal.siteID),
                \(PostgresCoding.milliseconds(principal.createdAt)), \(PostgresCoding.milliseconds(principal.disabledAt)))
        """
    }
}
