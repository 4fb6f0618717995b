import CodedErrors
import Foundation
import GRDB
import Storage
import TransparencyLog

extension SQLiteStore {
    /// Stores a new device and, if given, its first placement, in one transaction; an id in use is
    /// `STORAGE_DUPLICATE`, a placement of another device `STORAGE_CONFLICT`.
    public func insert(_ device: Device, placement: DevicePlacement?) async throws {
        if let placement, placement.deviceID != device.id {
            throw StorageError(
                .conflict, "expected the first placement to have the new device's id; found another device_id")
        }
        try await write("inserting into devices") { db in
            try db.execute(
                sql: "INSERT INTO devices (\(SQLiteDeviceRows.deviceColumns)) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    device.id, device.kind.rawValue, SQLiteValues.blob(device.publicKey), device.profile, device.label,
                    SQLiteValues.milliseconds(device.createdAt), SQLiteValues.optionalMilliseconds(device.disabledAt),
                ])
            if let placement { try Self.insertPlacement(placement, db) }
        }
    }

    /// A device by id (disabled ones included).
    public func device(id: String) async throws -> Device? {
        try await read("reading devices") { db in
            try Row.fetchOne(
                db, sql: "SELECT \(SQLiteDeviceRows.deviceColumns) FROM devices WHERE id = ?", arguments: [id]
            ).map(SQLiteDeviceRows.device)
        }
    }

    /// Every device, by id.
    public func devices() async throws -> [Device] {
        try await read("reading devices") { db in
            try Row.fetchAll(db, sql: "SELECT \(SQLiteDeviceRows.deviceColumns) FROM devices ORDER BY id")
                .map(SQLiteDeviceRows.device)
        }
    }

    /// Disables a device from `time` on: `STORAGE_NOT_FOUND` when it does not exist, `STORAGE_CONFLICT` when it
    /// is disabled.
    public func disableDevice(id: String, at time: Date) async throws {
        try await write("disabling a device") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT disabled_at FROM devices WHERE id = ?", arguments: [id])
            else { throw StorageError(.notFound, "expected a row in devices with the device id; found none") }
            guard try SQLiteRowReader(row: row, table: "devices").optionalDate("disabled_at") == nil else {
                throw StorageError(.conflict, "expected devices.disabled_at to be NULL; found the device disabled already")
            }
            try db.execute(
                sql: "UPDATE devices SET disabled_at = ? WHERE id = ?", arguments: [SQLiteValues.milliseconds(time), id])
        }
    }

    /// Places a device at a location: `STORAGE_NOT_FOUND` for an unknown device, `STORAGE_DUPLICATE` when the
    /// device has a placement at that time.
    public func place(_ placement: DevicePlacement) async throws {
        try await write("inserting into device_placements") { db in
            try Self.requireDevice(placement.deviceID, db)
            try Self.insertPlacement(placement, db)
        }
    }

    /// A device's placements, oldest first.
    public func placements(deviceID: String) async throws -> [DevicePlacement] {
        try await read("reading device_placements") { db in
            try Row.fetchAll(
                db,
                sql: "SELECT \(SQLiteDeviceRows.placementColumns) FROM device_placements WHERE device_id = ? ORDER BY since",
                arguments: [deviceID]
            ).map(SQLiteDeviceRows.placement)
        }
    }

    /// The whole placement history of every device ever placed at one of `locations`, by device id, then time.
    /// Long lists are bound in chunks inside one read transaction: first the devices, then their placements.
    public func placements(atAnyOf locations: [String]) async throws -> [DevicePlacement] {
        guard !locations.isEmpty else { return [] }
        return try await read("reading device_placements") { db in
            var deviceIDs: [String] = []
            for chunk in Self.inListChunks(locations) {
                deviceIDs += try String.fetchAll(
                    db,
                    sql: "SELECT DISTINCT device_id FROM device_placements WHERE location IN (\(Self.placeholders(chunk.count)))",
                    arguments: StatementArguments(chunk))
            }
            var placements: [DevicePlacement] = []
            for chunk in Self.inListChunks(deviceIDs) {
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT \(SQLiteDeviceRows.placementColumns) FROM device_placements
                        WHERE device_id IN (\(Self.placeholders(chunk.count))) ORDER BY device_id, since
                        """,
                    arguments: StatementArguments(chunk))
                while let row = try rows.next() { placements.append(try SQLiteDeviceRows.placement(row)) }
            }
            return placements
        }
    }

    /// Stores a verified batch with the device's monitor state in one write transaction (SQLite's write lock
    /// serialises concurrent calls, also from other processes). A stored sequence is ``TelemetryStoreOutcome/duplicate``
    /// (same digest) or ``TelemetryStoreOutcome/conflictingDigest`` without calling `update`; otherwise the batch,
    /// the new state and the excursions (replacing those with the same device, kind and start) are stored.
    ///
    /// - Throws: `STORAGE_NOT_FOUND` for an unknown device; `STORAGE_INVALID_VALUE` for a sequence above
    ///   `Int64.max` or a non-finite excursion temperature; `STORAGE_CONFLICT` when `update` returns a state or
    ///   excursion of another device; what `update` throws, unchanged (nothing is stored then).
    public func storeTelemetry(
        _ batch: StoredTelemetryBatch, update: @escaping @Sendable (DeviceMonitorState?) throws -> DeviceMonitorUpdate
    ) async throws -> TelemetryStoreOutcome {
        let sequence = try Self.storedSequence(batch.sequence)
        do {
            let logEntry = try Self.logEntry(of: batch)
            return try await pool.write { db in
                try Self.requireDevice(batch.deviceID, db)
                if let row = try Row.fetchOne(
                    db, sql: "SELECT digest FROM telemetry_batches WHERE device_id = ? AND sequence = ?",
                    arguments: [batch.deviceID, sequence])
                {
                    let digest = try SQLiteRowReader(row: row, table: "telemetry_batches").bytes("digest")
                    return digest == batch.digest ? .duplicate : .conflictingDigest
                }
                try db.execute(
                    sql: "INSERT INTO telemetry_batches (\(SQLiteDeviceRows.batchColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: [
                        batch.deviceID, sequence, SQLiteValues.blob(batch.digest), SQLiteValues.blob(batch.signedBytes),
                        batch.readingCount, batch.positionCount, SQLiteValues.optionalMilliseconds(batch.firstTime),
                        SQLiteValues.optionalMilliseconds(batch.lastTime), batch.transport,
                        SQLiteValues.milliseconds(batch.receivedAt),
                    ])
                let current = try Self.loadMonitor(deviceID: batch.deviceID, db)
                let result: DeviceMonitorUpdate
                do {
                    result = try update(current)
                } catch {
                    throw MonitorUpdateFailure(underlying: error)
                }
                try Self.saveMonitor(result, deviceID: batch.deviceID, db)
                try Self.enqueueLogEntry(logEntry, db)
                return .stored
            }
        } catch let failure as MonitorUpdateFailure {
            throw failure.underlying
        } catch {
            throw SQLiteErrorMapping.storageError(from: error, during: "storing a telemetry batch")
        }
    }

    /// A device's batches with a sequence above `afterSequence` (all when nil), by sequence, at most `limit`.
    public func telemetryBatches(deviceID: String, afterSequence: UInt64?, limit: Int) async throws -> [StoredTelemetryBatch] {
        let after: Int64
        if let afterSequence {
            // Stored sequences are at most Int64.max: nothing is above a larger one.
            guard let value = Int64(exactly: afterSequence) else { return [] }
            after = value
        } else {
            after = -1
        }
        return try await read("reading telemetry_batches") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(SQLiteDeviceRows.batchColumns) FROM telemetry_batches
                    WHERE device_id = ? AND sequence > ? ORDER BY sequence LIMIT ?
                    """,
                arguments: [deviceID, after, max(0, limit)]
            ).map(SQLiteDeviceRows.batch)
        }
    }

    /// The `count` highest sequence numbers a device has stored, with their digests, highest first.
    public func telemetryWindow(deviceID: String, count: Int) async throws -> [(sequence: UInt64, digest: [UInt8])] {
        try await read("reading telemetry_batches") { db in
            try Row.fetchAll(
                db,
                sql: "SELECT sequence, digest FROM telemetry_batches WHERE device_id = ? ORDER BY sequence DESC LIMIT ?",
                arguments: [deviceID, max(0, count)]
            ).map { row in
                let reader = SQLiteRowReader(row: row, table: "telemetry_batches")
                return (sequence: try reader.uint64("sequence"), digest: try reader.bytes("digest"))
            }
        }
    }

    /// A device's monitor state, if a batch was stored.
    public func monitorState(deviceID: String) async throws -> DeviceMonitorState? {
        try await read("reading device_monitors") { db in try Self.loadMonitor(deviceID: deviceID, db) }
    }

    /// Replaces a device's monitor state and all of its excursions in one write transaction.
    ///
    /// - Throws: `STORAGE_NOT_FOUND` for an unknown device; `STORAGE_CONFLICT` when an excursion belongs to another
    ///   device; `STORAGE_INVALID_VALUE` for a non-finite excursion temperature.
    public func replaceMonitor(_ update: DeviceMonitorUpdate) async throws {
        try await write("replacing a device monitor") { db in
            let deviceID = update.state.deviceID
            try Self.requireDevice(deviceID, db)
            try db.execute(sql: "DELETE FROM excursions WHERE device_id = ?", arguments: [deviceID])
            try Self.saveMonitor(update, deviceID: deviceID, db)
        }
    }

    /// The excursions of `deviceIDs` overlapping `[from, to]`, by device id, then start (then kind). Long lists
    /// are bound in chunks of sorted ids inside one read transaction, which keeps the order.
    public func excursions(deviceIDs: [String], from: Date, to: Date) async throws -> [StoredExcursion] {
        guard !deviceIDs.isEmpty else { return [] }
        let bounds = [SQLiteValues.milliseconds(to), SQLiteValues.milliseconds(from)]
        return try await read("reading excursions") { db in
            var excursions: [StoredExcursion] = []
            for chunk in Self.inListChunks(deviceIDs) {
                var arguments = StatementArguments(chunk)
                arguments += StatementArguments(bounds)
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT \(SQLiteDeviceRows.excursionColumns) FROM excursions
                        WHERE device_id IN (\(Self.placeholders(chunk.count))) AND start_at <= ? AND end_at >= ?
                        ORDER BY device_id, start_at, kind
                        """,
                    arguments: arguments)
                while let row = try rows.next() { excursions.append(try SQLiteDeviceRows.excursion(row)) }
            }
            return excursions
        }
    }

    /// What `update` threw inside the write transaction, carried out of GRDB unchanged.
    private struct MonitorUpdateFailure: Error {
        let underlying: any Error
    }

    /// At most this many values go into one bound `IN (…)` list (SQLite allows 32,766 variables since 3.32).
    static let inListChunkSize = 10_000

    /// `values` without duplicates, in SQLite's text order (UTF-8 bytes), cut into lists of at most
    /// ``inListChunkSize``: chunk after chunk, rows ordered by such a value stay in order.
    static func inListChunks(_ values: [String]) -> [ArraySlice<String>] {
        let sorted = Set(values).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return stride(from: 0, to: sorted.count, by: inListChunkSize).map {
            sorted[$0..<min($0 + inListChunkSize, sorted.count)]
        }
    }

    /// `?, ?, …` with `count` placeholders.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    /// A sequence number as stored: `STORAGE_INVALID_VALUE` above `Int64.max`.
    static func storedSequence(_ sequence: UInt64) throws -> Int64 {
        guard let value = Int64(exactly: sequence) else {
            throw StorageError(
                .invalidValue, "expected telemetry_batches.sequence at most 9223372036854775807; found a larger one")
        }
        return value
    }

    private static func requireDevice(_ id: String, _ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM devices WHERE id = ?)", arguments: [id]) == true
        else { throw StorageError(.notFound, "expected a row in devices with the device id; found none") }
    }

    private static func insertPlacement(_ placement: DevicePlacement, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO device_placements (\(SQLiteDeviceRows.placementColumns)) VALUES (?, ?, ?)",
            arguments: [placement.deviceID, placement.location, SQLiteValues.milliseconds(placement.since)])
    }

    private static func loadMonitor(deviceID: String, _ db: Database) throws -> DeviceMonitorState? {
        try Row.fetchOne(
            db, sql: "SELECT \(SQLiteDeviceRows.monitorColumns) FROM device_monitors WHERE device_id = ?",
            arguments: [deviceID]
        ).map(SQLiteDeviceRows.monitor)
    }

    /// Upserts the state and each excursion of `update` (replacing the excursion with the same key), after checking
    /// that they belong to `deviceID` and that temperatures are finite.
    private static func saveMonitor(_ update: DeviceMonitorUpdate, deviceID: String, _ db: Database) throws {
        guard update.state.deviceID == deviceID, update.excursions.allSatisfy({ $0.deviceID == deviceID }) else {
            throw StorageError(
                .conflict, "expected the monitor state and excursions to belong to one device; found another device_id")
        }
        guard update.excursions.allSatisfy({ $0.extremeC.isFinite }) else {
            throw StorageError(.invalidValue, "expected a finite excursions.extreme_c; found NaN or an infinity")
        }
        try db.execute(
            sql: """
                INSERT INTO device_monitors (\(SQLiteDeviceRows.monitorColumns)) VALUES (?, ?, ?)
                ON CONFLICT (device_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
                """,
            arguments: [deviceID, SQLiteValues.blob(update.state.state), SQLiteValues.milliseconds(update.state.updatedAt)])
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO excursions (\(SQLiteDeviceRows.excursionColumns)) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (device_id, kind, start_at) DO UPDATE
                SET end_at = excluded.end_at, is_open = excluded.is_open, extreme_c = excluded.extreme_c
                """)
        for excursion in update.excursions {
            try statement.execute(arguments: [
                deviceID, excursion.kind, SQLiteValues.milliseconds(excursion.start), SQLiteValues.milliseconds(excursion.end),
                excursion.isOpen ? 1 : 0, excursion.extremeC,
            ])
        }
    }

    /// The transparency-log entry of a batch (stored in the batch's transaction).
    static func logEntry(of batch: StoredTelemetryBatch) throws -> LogEntry {
        do {
            return try LogEntry.telemetryBatch(batch, time: SQLiteValues.milliseconds(batch.receivedAt))
        } catch {
            throw StorageError(.invalidValue, "telemetry_batches: the batch cannot be a log entry (\(GenericCodedError(error).code))")
        }
    }
}
