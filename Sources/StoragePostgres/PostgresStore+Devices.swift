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

    /// Stores a verified batch with the device's monitor state in one transaction of two prepared statements
    /// (``PostgresTelemetryStatements``; four round trips with `BEGIN` and `COMMIT`):
    ///
    /// 1. The device's monitor row is locked by an upsert (`INSERT … ON CONFLICT DO UPDATE`, which creates an
    ///    empty placeholder for the first batch), so calls for one device take turns, also across processes. The
    ///    upsert works on the newest committed row, not on the statement's snapshot, so the state it returns is
    ///    the one the previous batch committed. The batch is inserted in the same statement with
    ///    `ON CONFLICT DO NOTHING`, after the lock.
    /// 2. `update`'s state and excursions (replacing those with the same device, kind and start) are written in
    ///    one statement.
    ///
    /// A stored sequence is ``TelemetryStoreOutcome/duplicate`` (same digest) or
    /// ``TelemetryStoreOutcome/conflictingDigest`` without calling `update`.
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
        let logger = self.logger
        do {
            return try await client.withTransaction(logger: logger) { connection in
                var rows: [PostgresTelemetryStatements.LockAndInsertBatch.Row] = []
                for try await row in try await connection.execute(
                    PostgresTelemetryStatements.LockAndInsertBatch(batch: batch, sequence: sequence, logEntry: logEntry), logger: logger)
                {
                    rows.append(row)
                }
                guard let (state, updatedAt, inserted) = rows.first else {
                    throw StorageError(.unavailable, "device_monitors: the locking upsert returned no row")
                }
                let current = Self.monitorState(deviceID: batch.deviceID, state: state, updatedAt: updatedAt)
                guard inserted else {
                    let outcome = try await Self.storedBatchOutcome(batch, sequence: sequence, connection: connection, logger: logger)
                    // A placeholder row made by this transaction must not stay (it cannot happen while every stored
                    // batch commits with its state, but a rollback keeps the table honest if it ever does).
                    if current == nil { throw RolledBack(outcome: outcome) }
                    return outcome
                }
                let result: DeviceMonitorUpdate
                do {
                    result = try update(current)
                } catch {
                    throw MonitorUpdateFailure(underlying: error)
                }
                try await Self.saveMonitor(result, deviceID: batch.deviceID, connection: connection, logger: logger)
                return TelemetryStoreOutcome.stored
            }
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
    /// that they belong to `deviceID` and that temperatures are finite.
    private static func saveMonitor(
        _ update: DeviceMonitorUpdate, deviceID: String, connection: PostgresConnection, logger: Logger
    ) async throws {
        guard update.state.deviceID == deviceID, update.excursions.allSatisfy({ $0.deviceID == deviceID }) else {
            throw StorageError(.conflict, "device_monitors/excursions: the update names another device_id")
        }
        guard update.excursions.allSatisfy({ $0.extremeC.isFinite }) else {
            throw StorageError(.invalidValue, "excursions.extreme_c must be a finite number")
        }
        // One row per (kind, start): an INSERT … ON CONFLICT DO UPDATE may not touch a row twice.
        var excursions: [String: StoredExcursion] = [:]
        for excursion in update.excursions {
            excursions["\(excursion.kind)@\(PostgresCoding.milliseconds(excursion.start))"] = excursion
        }
        _ = try await connection.execute(
            PostgresTelemetryStatements.SaveMonitor(deviceID: deviceID, state: update.state, excursions: Array(excursions.values)),
            logger: logger)
    }
}
