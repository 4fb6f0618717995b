import Foundation
import GRDB
import Storage
import TransparencyLog

extension SQLiteStore {
    /// Stores a lot, or fills in the expiry and product code of a stored one where they are NULL.
    public func upsert(_ lot: Lot) async throws {
        try await write("upserting into lots") { db in try Self.upsertLot(lot, db) }
    }

    /// A lot by GTIN and lot number.
    public func lot(gtin: String, lot: String) async throws -> Lot? {
        try await read("reading lots") { db in
            try Row.fetchOne(
                db, sql: "SELECT \(SQLiteLotRows.lotColumns) FROM lots WHERE gtin = ? AND lot = ?", arguments: [gtin, lot]
            ).map(SQLiteLotRows.lot)
        }
    }

    /// Every lot with this lot number (any GTIN), by GTIN.
    public func lots(lotNumber: String) async throws -> [Lot] {
        try await read("reading lots") { db in
            try Row.fetchAll(
                db, sql: "SELECT \(SQLiteLotRows.lotColumns) FROM lots WHERE lot = ? ORDER BY gtin", arguments: [lotNumber]
            ).map(SQLiteLotRows.lot)
        }
    }

    /// Stores captured events, their custody entries and lots in one write transaction; returns how many events
    /// were new. An event whose hash is stored is skipped with its custody entries.
    ///
    /// - Throws: `STORAGE_NOT_FOUND` for a custody entry naming an event that is neither in `events` nor stored
    ///   (nothing is stored then).
    public func capture(events: [StoredEPCISEvent], custody: [LotCustodyEntry], lots: [Lot]) async throws -> Int {
        try await write("capturing EPCIS events") { db in
            var newHashes = Set<String>()
            let insertEvent = try db.makeStatement(
                sql: "INSERT INTO epcis_events (\(SQLiteLotRows.eventColumns)) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING")
            for event in events {
                try insertEvent.execute(arguments: [
                    event.hash, event.eventType, SQLiteValues.milliseconds(event.eventTime), event.bizStep,
                    SQLiteValues.blob(event.json), SQLiteValues.milliseconds(event.capturedAt),
                ])
                if db.changesCount > 0 {
                    newHashes.insert(event.hash)
                    try Self.enqueueLogEntry(
                        try LogEntry.epcisEvent(event, time: SQLiteValues.milliseconds(event.capturedAt)), db)
                }
            }
            let insertCustody = try db.makeStatement(
                sql: """
                    INSERT INTO lot_custody (\(SQLiteLotRows.custodyColumns)) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (gtin, lot, event_hash) DO NOTHING
                    """)
            for entry in custody {
                if newHashes.contains(entry.eventHash) {
                    try insertCustody.execute(arguments: [
                        entry.gtin, entry.lot, entry.eventHash, SQLiteValues.milliseconds(entry.time),
                        try SQLiteLotRows.locationsText(entry.locations), entry.inTransit ? 1 : 0,
                    ])
                } else if try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM epcis_events WHERE hash = ?)", arguments: [entry.eventHash]) != true
                {
                    throw StorageError(
                        .notFound, "expected a row in epcis_events with the custody entry's event_hash; found none")
                }
            }
            for lot in lots { try Self.upsertLot(lot, db) }
            return newHashes.count
        }
    }

    /// An event by hash.
    public func epcisEvent(hash: String) async throws -> StoredEPCISEvent? {
        try await read("reading epcis_events") { db in
            try Row.fetchOne(
                db, sql: "SELECT \(SQLiteLotRows.eventColumns) FROM epcis_events WHERE hash = ?", arguments: [hash]
            ).map(SQLiteLotRows.event)
        }
    }

    /// Events matching `query`, by event time, then hash; the limit is clamped to 1…10,000.
    public func epcisEvents(_ query: EPCISEventQuery) async throws -> [StoredEPCISEvent] {
        let columns = SQLiteLotRows.eventColumns.split(separator: ",").map { "e." + $0.trimmingCharacters(in: .whitespaces) }
        var sql = "SELECT \(columns.joined(separator: ", ")) FROM epcis_events e"
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let lot = query.lot {
            sql += " JOIN lot_custody c ON c.event_hash = e.hash"
            conditions.append("c.gtin = ? AND c.lot = ?")
            arguments += [lot.gtin, lot.lot]
        }
        if let eventType = query.eventType {
            conditions.append("e.event_type = ?")
            arguments += [eventType]
        }
        if let bizStep = query.bizStep {
            conditions.append("e.biz_step = ?")
            arguments += [bizStep]
        }
        if let from = query.from {
            conditions.append("e.event_time >= ?")
            arguments += [SQLiteValues.milliseconds(from)]
        }
        if let until = query.until {
            conditions.append("e.event_time < ?")
            arguments += [SQLiteValues.milliseconds(until)]
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY e.event_time, e.hash LIMIT ?"
        arguments += [min(max(query.limit, 1), 10_000)]
        let statementArguments = arguments
        return try await read("reading epcis_events") { [sql] db in
            try Row.fetchAll(db, sql: sql, arguments: statementArguments).map(SQLiteLotRows.event)
        }
    }

    /// A lot's custody entries, by time, then event hash.
    public func custody(gtin: String, lot: String) async throws -> [LotCustodyEntry] {
        try await read("reading lot_custody") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(SQLiteLotRows.custodyColumns) FROM lot_custody
                    WHERE gtin = ? AND lot = ? ORDER BY since, event_hash
                    """,
                arguments: [gtin, lot]
            ).map(SQLiteLotRows.custody)
        }
    }

    /// Appends to a lot's history; an id in use is `STORAGE_DUPLICATE`, an unknown principal `STORAGE_NOT_FOUND`.
    public func append(_ event: LotEvent) async throws {
        try await write("inserting into lot_events") { db in
            try db.execute(
                sql: "INSERT INTO lot_events (\(SQLiteLotRows.lotEventColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    SQLiteValues.text(event.id), event.gtin, event.lot, event.kind.rawValue, event.status, event.reasonCode,
                    event.detail, SQLiteValues.optionalText(event.principalID), SQLiteValues.milliseconds(event.createdAt),
                ])
            try Self.enqueueLogEntry(try LogEntry.lotStatus(event, time: SQLiteValues.milliseconds(event.createdAt)), db)
        }
    }

    /// A lot's history, oldest first.
    public func lotEvents(gtin: String, lot: String) async throws -> [LotEvent] {
        try await read("reading lot_events") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(SQLiteLotRows.lotEventColumns) FROM lot_events
                    WHERE gtin = ? AND lot = ? ORDER BY created_at, id
                    """,
                arguments: [gtin, lot]
            ).map(SQLiteLotRows.lotEvent)
        }
    }

    /// Every vaccination recorded with this lot number, oldest first, with its certificate and whether that is
    /// revoked.
    public func vaccinations(lotNumber: String) async throws -> [LotVaccination] {
        let columns = SQLiteEntityRows.eventColumns.split(separator: ",").map {
            "e." + $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let sql = """
            SELECT \(columns.joined(separator: ", ")), c.id AS certificate_id, r.certificate_id AS revoked_certificate_id
            FROM vaccination_events e
            LEFT JOIN certificates c ON c.event_id = e.id
            LEFT JOIN revocations r ON r.certificate_id = c.id
            WHERE e.lot = ? ORDER BY e.created_at, e.id
            """
        return try await read("reading vaccination_events") { db in
            try Row.fetchAll(db, sql: sql, arguments: [lotNumber]).map { row in
                let reader = SQLiteRowReader(row: row, table: "certificates")
                return LotVaccination(
                    event: try SQLiteEntityRows.event(row), certificateID: try reader.optionalUUID("certificate_id"),
                    isRevoked: try reader.optionalString("revoked_certificate_id") != nil)
            }
        }
    }

    private static func upsertLot(_ lot: Lot, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO lots (\(SQLiteLotRows.lotColumns)) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (gtin, lot) DO UPDATE
                SET expiry = coalesce(lots.expiry, excluded.expiry),
                    product_code = coalesce(lots.product_code, excluded.product_code)
                """,
            arguments: [lot.gtin, lot.lot, lot.expiry, lot.productCode, SQLiteValues.milliseconds(lot.createdAt)])
    }
}
