import Foundation
import GRDB
import Storage

extension SQLiteStore {
    /// Stores a new site; a code its issuer already uses is `STORAGE_DUPLICATE`; an unknown issuer is
    /// `STORAGE_NOT_FOUND`.
    public func insert(_ site: Site) async throws {
        try await write("inserting into sites") { db in
            try db.execute(
                sql: "INSERT INTO sites (\(SQLiteEntityRows.siteColumns)) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    SQLiteValues.text(site.id), SQLiteValues.text(site.issuerID), site.code, site.name,
                    SQLiteValues.milliseconds(site.createdAt),
                ])
        }
    }

    /// An issuer's sites, by code.
    public func sites(issuerID: UUID) async throws -> [Site] {
        try await read("reading sites") { db in
            try Row.fetchAll(
                db, sql: "SELECT \(SQLiteEntityRows.siteColumns) FROM sites WHERE issuer_id = ? ORDER BY code",
                arguments: [SQLiteValues.text(issuerID)]
            ).map(SQLiteEntityRows.site)
        }
    }

    /// Stores a new principal; a token id in use is `STORAGE_DUPLICATE`; an unknown site is `STORAGE_NOT_FOUND`.
    public func insert(_ principal: Principal) async throws {
        try await write("inserting into principals") { db in
            try Self.insertPrincipal(principal, db)
        }
    }

    /// Stores the principal only if none exists (one write transaction).
    public func insertFirstPrincipal(_ principal: Principal) async throws -> Bool {
        try await write("inserting the first principal") { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM principals") == 0 else { return false }
            try Self.insertPrincipal(principal, db)
            return true
        }
    }

    /// The principal with this token id, if any (disabled ones included).
    public func principal(tokenID: String) async throws -> Principal? {
        try await read("reading principals") { db in
            try Row.fetchOne(
                db, sql: "SELECT \(SQLiteEntityRows.principalColumns) FROM principals WHERE token_id = ?",
                arguments: [tokenID]
            ).map(SQLiteEntityRows.principal)
        }
    }

    /// How many principals exist.
    public func principalCount() async throws -> Int {
        try await read("counting principals") { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM principals") ?? 0
        }
    }

    static func insertPrincipal(_ principal: Principal, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO principals (\(SQLiteEntityRows.principalColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                SQLiteValues.text(principal.id), principal.name, principal.role.rawValue, principal.tokenID,
                SQLiteValues.blob(principal.tokenHash), SQLiteValues.optionalText(principal.siteID),
                SQLiteValues.milliseconds(principal.createdAt), SQLiteValues.optionalMilliseconds(principal.disabledAt),
            ])
    }
}
