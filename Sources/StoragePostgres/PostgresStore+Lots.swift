import Foundation
import PostgresNIO
import Storage
import TransparencyLog

extension PostgresStore {
    /// Stores a lot, or fills in the expiry and product code of a stored one where they are NULL (one statement).
    public func upsert(_ lot: Lot) async throws {
        try await execute(Self.upsertQuery(lot))
    }

    /// A lot by GTIN and lot number.
    public func lot(gtin: String, lot: String) async throws -> Lot? {
        let rows = try await rows(
            "SELECT \(unescaped: PostgresLotRows.lotColumns) FROM lots WHERE gtin = \(gtin) AND lot = \(lot)")
        return try decoding { try rows.first.map(PostgresLotRows.lot) }
    }

    /// Every lot with this lot number (any GTIN), by GTIN.
    public func lots(lotNumber: String) async throws -> [Lot] {
        let rows = try await rows(
            "SELECT \(unescaped: PostgresLotRows.lotColumns) FROM lots WHERE lot = \(lotNumber) ORDER BY gtin")
        return try decoding { try rows.map(PostgresLotRows.lot) }
    }

    /// Stores captured events, their custody entries and lots in one transaction; returns how many events were
    /// new. Events go in with `ON CONFLICT DO NOTHING`, so an event stored before (also by a concurrent capture)
    /// is skipped with its custody entries.
    ///
    /// - Throws: `STORAGE_NOT_FOUND` for a custody entry naming an event that is neither in `events` nor stored
    ///   (nothing is stored then).
    public func capture(events: [StoredEPCISEvent], custody: [LotCustodyEntry], lots: [Lot]) async throws -> Int {
        let logger = self.logger
        return try await transaction { connection in
            var newHashes = Set<String>()
            for event in events {
                let inserted = try await connection.query(
                    """
                    INSERT INTO epcis_events (\(unescaped: PostgresLotRows.eventColumns))
                    VALUES (\(event.hash), \(event.eventType), \(PostgresCoding.milliseconds(event.eventTime)),
                            \(event.bizStep), \(PostgresCoding.buffer(event.json)),
                            \(PostgresCoding.milliseconds(event.capturedAt)))
                    ON CONFLICT (hash) DO NOTHING
                    RETURNING 1
                    """, logger: logger
                ).collect()
                if !inserted.isEmpty {
                    newHashes.insert(event.hash)
                    try await Self.enqueueLogEntry(
                        try LogEntry.epcisEvent(event, time: PostgresCoding.milliseconds(event.capturedAt)),
                        connection: connection, logger: logger)
                }
            }
            for entry in custody {
                if newHashes.contains(entry.eventHash) {
                    try await connection.query(
                        """
                        INSERT INTO lot_custody (\(unescaped: PostgresLotRows.custodyColumns))
                        VALUES (\(entry.gtin), \(entry.lot), \(entry.eventHash), \(PostgresCoding.milliseconds(entry.time)),
                                \(try PostgresLotRows.locationsText(entry.locations)), \(entry.inTransit))
                        ON CONFLICT (gtin, lot, event_hash) DO NOTHING
                        """, logger: logger)
                } else {
                    let stored = try await connection.query(
                        "SELECT 1 FROM epcis_events WHERE hash = \(entry.eventHash)", logger: logger
                    ).collect()
                    if stored.isEmpty {
                        throw StorageError(.notFound, "lot_custody: the entry's event_hash names no row in epcis_events")
                    }
                }
            }
            for lot in lots { try await connection.query(Self.upsertQuery(lot), logger: logger) }
            return newHashes.count
        }
    }

    /// An event by hash.
    public func epcisEvent(hash: String) async throws -> StoredEPCISEvent? {
        let rows = try await rows(
            "SELECT \(unescaped: PostgresLotRows.eventColumns) FROM epcis_events WHERE hash = \(hash)")
        return try decoding { try rows.first.map(PostgresLotRows.event) }
    }

    /// Events matching `query`, by event time, then hash; the limit is clamped to 1…10,000.
    public func epcisEvents(_ query: EPCISEventQuery) async throws -> [StoredEPCISEvent] {
        let columns = PostgresLotRows.eventColumns.split(separator: ",").map { "e." + $0.trimmingCharacters(in: .whitespaces) }
        var sql = "SELECT \(columns.joined(separator: ", ")) FROM epcis_events e"
        var conditions: [String] = []
        var binds = PostgresBindings()
        func bind(_ value: some PostgresDynamicTypeEncodable) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        if let lot = query.lot {
            sql += " JOIN lot_custody c ON c.event_hash = e.hash"
            conditions.append("c.gtin = \(bind(lot.gtin)) AND c.lot = \(bind(lot.lot))")
        }
        if let eventType = query.eventType { conditions.append("e.event_type = \(bind(eventType))") }
        if let bizStep = query.bizStep { conditions.append("e.biz_step = \(bind(bizStep))") }
        if let from = query.from { conditions.append("e.event_time >= \(bind(PostgresCoding.milliseconds(from)))") }
        if let until = query.until { conditions.append("e.event_time < \(bind(PostgresCoding.milliseconds(until)))") }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY e.event_time, e.hash LIMIT \(bind(min(max(query.limit, 1), 10_000)))"
        let rows = try await rows(PostgresQuery(unsafeSQL: sql, binds: binds))
        return try decoding { try rows.map(PostgresLotRows.event) }
    }

    /// A lot's custody entries, by time, then event hash.
    public func custody(gtin: String, lot: String) async throws -> [LotCustodyEntry] {
        let rows = try await rows(
            """
            SELECT \(unescaped: PostgresLotRows.custodyColumns) FROM lot_custody
            WHERE gtin = \(gtin) AND lot = \(lot) ORDER BY since, event_hash
            """)
        return try decoding { try rows.map(PostgresLotRows.custody) }
    }

    /// Appends to a lot's history; an id in use is `STORAGE_DUPLICATE`, an unknown principal `STORAGE_NOT_FOUND`.
    public func append(_ event: LotEvent) async throws {
        let createdAt = PostgresCoding.milliseconds(event.createdAt)
        let entry = try LogEntry.lotStatus(event, time: createdAt)
        // One statement: the event and its log entry.
        try await execute(
            """
            WITH inserted AS (
                INSERT INTO lot_events (\(unescaped: PostgresLotRows.lotEventColumns))
                VALUES (\(event.id), \(event.gtin), \(event.lot), \(event.kind.rawValue), \(event.status), \(event.reasonCode),
                        \(event.detail), \(event.principalID), \(createdAt))
                RETURNING 1
            )
            \(unescaped: Self.logQueueInsert) SELECT \(Self.logQueueValue(entry)) FROM inserted
            """)
    }

    /// A lot's history, oldest first.
    public func lotEvents(gtin: String, lot: String) async throws -> [LotEvent] {
        let rows = try await rows(
            """
            SELECT \(unescaped: PostgresLotRows.lotEventColumns) FROM lot_events
            WHERE gtin = \(gtin) AND lot = \(lot) ORDER BY created_at, id
            """)
        return try decoding { try rows.map(PostgresLotRows.lotEvent) }
    }

    /// Every vaccination recorded with this lot number, oldest first, with its certificate and whether that is
    /// revoked.
    public func vaccinations(lotNumber: String) async throws -> [LotVaccination] {
        let rows = try await rows(
            """
            SELECT e.id, e.holder_id, e.issuer_id, e.site_id, e.recorded_by, e.date, e.dose, e.total_doses,
                   e.vaccine_system, e.vaccine_code, e.lot, e.sealed_record, e.created_at,
                   c.id, r.certificate_id IS NOT NULL
            FROM vaccination_events e
            LEFT JOIN certificates c ON c.event_id = e.id
            LEFT JOIN revocations r ON r.certificate_id = c.id
            WHERE e.lot = \(lotNumber) ORDER BY e.created_at, e.id
            """)
        return try decoding {
            try rows.map { row in
                let (
                    id, holderID, issuerID, siteID, recordedBy, date, dose, totalDoses, vaccineSystem, vaccineCode, lot,
                    sealedRecord, createdAt, certificateID, isRevoked
                ) = try row.decode(
                    (UUID, UUID, UUID, UUID?, UUID, String, Int, Int?, String, String, String?, ByteBuffer, Int64, UUID?, Bool)
                        .self)
                let event = VaccinationEvent(
                    id: id, holderID: holderID, issuerID: issuerID, siteID: siteID, recordedBy: recordedBy, date: date,
                    dose: dose, totalDoses: totalDoses, vaccineSystem: vaccineSystem, vaccineCode: vaccineCode, lot: lot,
                    sealedRecord: PostgresCoding.bytes(sealedRecord), createdAt: PostgresCoding.date(createdAt))
                return LotVaccination(event: event, certificateID: certificateID, isRevoked: isRevoked)
            }
        }
    }

    private static func upsertQuery(_ lot: Lot) -> PostgresQuery {
        """
        INSERT INTO lots (gtin, lot, expiry, product_code, created_at)
        VALUES (\(lot.gtin), \(lot.lot), \(lot.expiry), \(lot.productCode), \(PostgresCoding.milliseconds(lot.createdAt)))
        ON CONFLICT (gtin, lot) DO UPDATE
        SET expiry = coalesce(lots.expiry, EXCLUDED.expiry), product_code = coalesce(lots.product_code, EXCLUDED.product_code)
        """
    }
}
