import CodedErrors
import Foundation
import PostgresNIO
import Storage
import TransparencyLog

extension PostgresStore {
    /// Stores a new device and, if given, its first placement, in one transaction; an id in use is
    /// `STORAGE_DUPLICATE`, a placement of another device `STORAGE_CONFLICT`.
    public func insert(_ device: Device, placement: DevicePlacement?) async throws {
        if let placement, placement.deviceID != device.id {
            throw StorageError(.conflict, "device_placements.device_id of the first placement differs from the new device's id")
        }
        let logger = self.logger
        try await transaction { connection in
            try await connection.query(
                """
                INSERT INTO devices (\(unescaped: PostgresDeviceRows.deviceColumns))
                VALUES (\(device.id), \(device.kind.rawValue), \(PostgresCoding.buffer(device.publicKey)),
                        \(device.profile), \(device.label), \(PostgresCoding.milliseconds(device.createdAt)),
                        \(PostgresCoding.milliseconds(device.disabledAt)))
                """, logger: logger)
            if let placement {
                try await connection.query(Self.insertQuery(placement), logger: logger)
            }
        }
    }

    /// A device by id (disabled ones included).
    public func device(id: String) async throws -> Device? {
        let rows = try await rows("SELECT \(unescaped: PostgresDeviceRows.deviceColumns) FROM devices WHERE id = \(id)")
        return try decoding { try rows.first.map(PostgresDeviceRows.device) }
    }

    /// Every device, by id.
    public func devices() async throws -> [Device] {
        let rows = try await rows("SELECT \(unescaped: PostgresDeviceRows.deviceColumns) FROM devices ORDER BY id")
        return try decoding { try rows.map(PostgresDeviceRows.device) }
    }

    /// Disables a device from `time` on (its row locked first): `STORAGE_NOT_FOUND` when it does not exist,
    /// `STORAGE_CONFLICT` when it is disabled.
    public func disableDevice(id: String, at time: Date) async throws {
        let logger = self.logger
        try await transaction { connection in
            let rows = try await connection.query(
                "SELECT disabled_at FROM devices WHERE id = \(id) FOR NO KEY UPDATE", logger: logger
            ).collect()
            guard let row = rows.first else { throw StorageError(.notFound, "devices: no row with the device id") }
            guard try row.decode(Int64?.self) == nil else {
                throw StorageError(.conflict, "devices: the device is disabled already (disabled_at is set)")
            }
            try await connection.query(
                "UPDATE devices SET disabled_at = \(PostgresCoding.milliseconds(time)) WHERE id = \(id)", logger: logger)
        }
    }

    /// Places a device at a location: `STORAGE_NOT_FOUND` for an unknown device, `STORAGE_DUPLICATE` when the
    /// device has a placement at that time.
    public func place(_ placement: DevicePlacement) async throws {
        try await execute(Self.insertQuery(placement))
    }

    /// A device's placements, oldest first.
    public func placements(deviceID: String) async throws -> [DevicePlacement] {
        let rows = try await rows(
            """
            SELECT \(unescaped: PostgresDeviceRows.placementColumns) FROM device_placements
            WHERE device_id = \(deviceID) ORDER BY since
            """)
        return try decoding { try rows.map(PostgresDeviceRows.placement) }
    }

    /// The whole placement history of every device ever placed at one of `locations`, by device id, then time.
    public func placements(atAnyOf locations: [String]) async throws -> [DevicePlacement] {
        guard !locations.isEmpty else { return [] }
        let rows = try await rows(
            """
            SELECT \(unescaped: PostgresDeviceRows.placementColumns) FROM device_placements
            WHERE device_id IN (SELECT device_id FROM device_placements WHERE location = ANY(\(locations)))
            ORDER BY device_id, since
            """)
        return try decoding { try rows.map(PostgresDeviceRows.placement) }
    }

    /// Stores a verified batch with the device's monitor state, atomically, in one of two ways:
    ///
    /// - **One statement** (``PostgresTelemetryStatements/StoreIfUnchanged``, no `BEGIN`/`COMMIT`) when this process
    ///   knows the device's state from its last batch: `update` runs on that state first, and the statement locks
    ///   the monitor row and writes the batch, the new state, the excursions and the log entry only if the stored
    ///   state is still the one `update` saw (a compare-and-set on the state bytes). Otherwise (another replica or a
    ///   rebuild changed it) nothing is written and the second way runs.
    /// - **A transaction of two statements** (four round trips with `BEGIN` and `COMMIT`): the device's monitor row
    ///   is locked by an upsert that returns the newest committed state (creating an empty placeholder for the
    ///   first batch, which the same transaction fills) and the batch is inserted behind the lock with its log
    ///   entry; then `update`'s state and excursions are written.
    ///
    /// Either way calls for one device take turns, also across processes, and a stored sequence is
    /// ``TelemetryStoreOutcome/duplicate`` (same digest) or ``TelemetryStoreOutcome/conflictingDigest``.
    ///
    /// - Throws: `STORAGE_NOT_FOUND` for an unknown device; `STORAGE_INVALID_VALUE` for a sequence above
    ///   `Int64.max` or a non-finite excursion temperature; `STORAGE_CONFLICT` when `update` returns a state or
    ///   excursion of another device; what `update` throws, unchanged (nothing is stored then).
    public func storeTelemetry(
        _ batch: StoredTelemetryBatch, update: @escaping @Sendable (DeviceMonitorState?) throws -> DeviceMonitorUpdate
    ) async throws -> TelemetryStoreOutcome {
        let sequence = try PostgresDeviceRows.storedSequence(batch.sequence)
        let logEntry: [UInt8]
        do {
            logEntry = try LogEntry.telemetryBatch(batch, time: PostgresCoding.milliseconds(batch.receivedAt)).encoded()
        } catch {
            throw StorageError(.invalidValue, "telemetry_batches: the batch cannot be a log entry (\(GenericCodedError(error).code))")
        }
        let insert = PostgresTelemetryStatements.LockAndInsertBatch(batch: batch, sequence: sequence, logEntry: logEntry)
        if let known = monitorStates.withLock({ $0[batch.deviceID] }),
            let outcome = try await storeIfUnchanged(insert, known: known, update: update)
        {
            return outcome
        }
        return try await storeInTransaction(insert, update: update)
    }

    /// The one-statement way; nil when the stored state is not `known` any more (nothing was written).
    private func storeIfUnchanged(
        _ insert: PostgresTelemetryStatements.LockAndInsertBatch, known: DeviceMonitorState,
        update: @Sendable (DeviceMonitorState?) throws -> DeviceMonitorUpdate
    ) async throws -> TelemetryStoreOutcome? {
        let deviceID = insert.batch.deviceID
        let result = try update(known)
        let save = try Self.checkedSave(result, deviceID: deviceID)
        let statement = PostgresTelemetryStatements.StoreIfUnchanged(insert: insert, expected: known.state, save: save)
        let rows = try await mapped {
            var rows: [PostgresTelemetryStatements.StoreIfUnchanged.Row] = []
            for try await row in try await client.execute(statement, logger: logger) { rows.append(row) }
            return rows
        }
        guard let (matched, inserted) = rows.first, matched else {
            monitorStates.withLock { $0[deviceID] = nil }
            return nil
        }
        guard inserted else {
            return try await transaction { connection in
                try await Self.storedBatchOutcome(insert.batch, sequence: insert.sequence, connection: connection, logger: self.logger)
            }
        }
        remember(result.state)
        return .stored
    }

    /// The transactional way: lock (reading the newest state), insert, update, save.
    private func storeInTransaction(
        _ insert: PostgresTelemetryStatements.LockAndInsertBatch,
        update: @escaping @Sendable (DeviceMonitorState?) throws -> DeviceMonitorUpdate
    ) async throws -> TelemetryStoreOutcome {
        let batch = insert.batch
        let logger = self.logger
        do {
            let (outcome, state) = try await client.withTransaction(logger: logger) { connection -> (TelemetryStoreOutcome, DeviceMonitorState?) in
                var rows: [PostgresTelemetryStatements.LockAndInsertBatch.Row] = []
                for try await row in try await connection.execute(insert, logger: logger) {
                    rows.append(row)
                }
                guard let (state, updatedAt, inserted) = rows.first else {
                    throw StorageError(.unavailable, "device_monitors: the locking upsert returned no row")
                }
                let current = Self.monitorState(deviceID: batch.deviceID, state: state, updatedAt: updatedAt)
                guard inserted else {
                    let outcome = try await Self.storedBatchOutcome(batch, sequence: insert.sequence, connection: connection, logger: logger)
                    // A placeholder row made by this transaction must not stay (it cannot happen while every stored
                    // batch commits with its state, but a rollback keeps the table honest if it ever does).
                    if current == nil { throw RolledBack(outcome: outcome) }
                    return (outcome, current)
                }
                let result: DeviceMonitorUpdate
                do {
                    result = try update(current)
                } catch {
                    throw MonitorUpdateFailure(underlying: error)
                }
                try await Self.saveMonitor(result, deviceID: batch.deviceID, connection: connection, logger: logger)
                return (TelemetryStoreOutcome.stored, result.state)
            }
            if let state { remember(state) }
            return outcome
        } catch {
            let closureError = (error as? PostgresTransactionError)?.closureError ?? error
            if let failure = closureError as? MonitorUpdateFailure { throw failure.underlying }
            if let rolledBack = closureError as? RolledBack { return rolledBack.outcome }
            throw PostgresErrorMapping.storageError(error)
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
        let rows = try await rows(
            """
            SELECT \(unescaped: PostgresDeviceRows.batchColumns) FROM telemetry_batches
            WHERE device_id = \(deviceID) AND sequence > \(after) ORDER BY sequence LIMIT \(max(0, limit))
            """)
        return try decoding { try rows.map(PostgresDeviceRows.batch) }
    }

    /// The `count` highest sequence numbers a device has stored, with their digests, highest first.
    public func telemetryWindow(deviceID: String, count: Int) async throws -> [(sequence: UInt64, digest: [UInt8])] {
        let rows = try await rows(
            """
            SELECT sequence, digest FROM telemetry_batches
            WHERE device_id = \(deviceID) ORDER BY sequence DESC LIMIT \(max(0, count))
            """)
        return try decoding {
            try rows.map { row in
                let (sequence, digest) = try row.decode((Int64, ByteBuffer).self)
                return (sequence: try PostgresDeviceRows.sequenceNumber(sequence), digest: PostgresCoding.bytes(digest))
            }
        }
    }

    /// A device's monitor state, if a batch was stored.
    public func monitorState(deviceID: String) async throws -> DeviceMonitorState? {
        let rows = try await rows(
            "SELECT \(unescaped: PostgresDeviceRows.monitorColumns) FROM device_monitors WHERE device_id = \(deviceID)")
        return try decoding { try rows.first.map(PostgresDeviceRows.monitor) }
    }

    /// Replaces a device's monitor state and all of its excursions in one transaction, under the lock of the
    /// device's monitor row (so it takes turns with ``storeTelemetry(_:update:)``).
    ///
    /// - Throws: `STORAGE_NOT_FOUND` for an unknown device; `STORAGE_CONFLICT` when an excursion belongs to another
    ///   device; `STORAGE_INVALID_VALUE` for a non-finite excursion temperature.
    public func replaceMonitor(_ update: DeviceMonitorUpdate) async throws {
        let logger = self.logger
        try await transaction { connection in
            let deviceID = update.state.deviceID
            try await connection.query(
                """
                INSERT INTO device_monitors (device_id, state, updated_at) VALUES (\(deviceID), '', 0)
                \(unescaped: Self.lockingConflictClause)
                """, logger: logger)
            try await connection.query("DELETE FROM excursions WHERE device_id = \(deviceID)", logger: logger)
            try await Self.saveMonitor(update, deviceID: deviceID, connection: connection, logger: logger)
        }
        remember(update.state)
    }

    /// Keeps a state this process stored or read, as a read would return it (times in whole milliseconds).
    private func remember(_ state: DeviceMonitorState) {
        let stored = DeviceMonitorState(
            deviceID: state.deviceID, state: state.state, updatedAt: PostgresCoding.date(PostgresCoding.milliseconds(state.updatedAt)))
        monitorStates.withLock { $0[state.deviceID] = stored }
    }

    /// The excursions of `deviceIDs` overlapping `[from, to]`, by device id, then start (then kind).
    public func excursions(deviceIDs: [String], from: Date, to: Date) async throws -> [StoredExcursion] {
        guard !deviceIDs.isEmpty else { return [] }
        let rows = try await rows(
            """
            SELECT \(unescaped: PostgresDeviceRows.excursionColumns) FROM excursions
            WHERE device_id = ANY(\(deviceIDs)) AND start_at <= \(PostgresCoding.milliseconds(to))
              AND end_at >= \(PostgresCoding.milliseconds(from))
            ORDER BY device_id, start_at, kind
            """)
        return try decoding { try rows.map(PostgresDeviceRows.excursion) }
    }

    /// What `update` threw inside the transaction, carried out of postgres-nio unchanged.
    private struct MonitorUpdateFailure: Error {
        let underlying: any Error
    }

    private static func insertQuery(_ placement: DevicePlacement) -> PostgresQuery {
        """
        INSERT INTO device_placements (device_id, location, since)
        VALUES (\(placement.deviceID), \(placement.location), \(PostgresCoding.milliseconds(placement.since)))
        """
    }

    /// What `storeTelemetry` returns after rolling its transaction back.
    private struct RolledBack: Error {
        let outcome: TelemetryStoreOutcome
    }

    /// Completes `INSERT INTO device_monitors … VALUES (id, '', 0)` into a row lock: an existing row is "updated"
    /// to itself (locked, and returned as the newest committed version); a missing one is created as an empty
    /// placeholder that the same transaction fills. An unknown device fails the foreign key
    /// (`STORAGE_NOT_FOUND`).
    static let lockingConflictClause = "ON CONFLICT (device_id) DO UPDATE SET updated_at = device_monitors.updated_at"

    /// The state the locking upsert returned: nil for the placeholder (no batch stored yet).
    private static func monitorState(deviceID: String, state: ByteBuffer, updatedAt: Int64) -> DeviceMonitorState? {
        guard state.readableBytes > 0 else { return nil }
        return DeviceMonitorState(deviceID: deviceID, state: PostgresCoding.bytes(state), updatedAt: PostgresCoding.date(updatedAt))
    }

    /// A batch whose sequence is stored: a retry when the digests agree, else a conflicting digest.
    private static func storedBatchOutcome(
        _ batch: StoredTelemetryBatch, sequence: Int64, connection: PostgresConnection, logger: Logger
    ) async throws -> TelemetryStoreOutcome {
        let stored = try await connection.query(
            "SELECT digest FROM telemetry_batches WHERE device_id = \(batch.deviceID) AND sequence = \(sequence)",
            logger: logger
        ).collect()
        guard let row = stored.first else {
            // The batch's row was there a moment ago (the insert conflicted) and rows are never deleted.
            throw StorageError(.unavailable, "telemetry_batches changed during the transaction")
        }
        let digest = PostgresCoding.bytes(try row.decode(ByteBuffer.self))
        return digest == batch.digest ? .duplicate : .conflictingDigest
    }

    /// Upserts the state and each excursion of `update` (replacing the excursion with the same key), after checking
    /// them (``checkedSave(_:deviceID:)``).
    private static func saveMonitor(
        _ update: DeviceMonitorUpdate, deviceID: String, connection: PostgresConnection, logger: Logger
    ) async throws {
        _ = try await connection.execute(try checkedSave(update, deviceID: deviceID), logger: logger)
    }

    /// The save statement of `update` once its state and excursions are checked to belong to `deviceID` with finite
    /// temperatures; one excursion per (kind, start), since an `INSERT … ON CONFLICT DO UPDATE` may not touch a row
    /// twice.
    private static func checkedSave(_ update: DeviceMonitorUpdate, deviceID: String) throws -> PostgresTelemetryStatements.SaveMonitor {
        guard update.state.deviceID == deviceID, update.excursions.allSatisfy({ $0.deviceID == deviceID }) else {
            throw StorageError(.conflict, "device_monitors/excursions: the update names another device_id")
        }
        guard update.excursions.allSatisfy({ $0.extremeC.isFinite }) else {
            throw StorageError(.invalidValue, "excursions.extreme_c must be a finite number")
        }
        var excursions: [String: StoredExcursion] = [:]
        for excursion in update.excursions {
            excursions["\(excursion.kind)@\(PostgresCoding.milliseconds(excursion.start))"] = excursion
        }
        return PostgresTelemetryStatements.SaveMonitor(deviceID: deviceID, state: update.state, excursions: Array(excursions.values))
    }
}
