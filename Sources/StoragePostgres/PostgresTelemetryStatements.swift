import NIOCore
import PostgresNIO
import Storage

/// The two statements of ``PostgresStore/storeTelemetry(_:update:)`` as prepared statements: the server parses and
/// plans them once per connection instead of once per batch (they run about a thousand times a second under load).
enum PostgresTelemetryStatements {
    /// Inserts the batch ($1-$10) once for each row of `source` (the lock, or the matched state); a stored
    /// (device, sequence) inserts nothing. Returns 1 when inserted.
    static func insertBatch(after source: String) -> String {
        """
        INSERT INTO telemetry_batches (\(PostgresDeviceRows.batchColumns))
        SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 FROM \(source)
        ON CONFLICT (device_id, sequence) DO NOTHING
        RETURNING 1
        """
    }

    /// Locks the device's monitor row (creating an empty placeholder for the first batch), inserts the batch behind
    /// the lock and, when it was inserted, queues its transparency-log entry; returns the monitor's newest committed
    /// state and whether the batch was inserted.
    struct LockAndInsertBatch: PostgresPreparedStatement {
        static let name = "dvc_telemetry_lock_and_insert_v2"
        static let sql = """
            WITH monitor AS (
                INSERT INTO device_monitors (device_id, state, updated_at) VALUES ($1, '', 0)
                \(PostgresStore.lockingConflictClause)
                RETURNING state, updated_at
            ),
            inserted AS (\(insertBatch(after: "monitor"))),
            queued AS (
                \(PostgresStore.logQueueInsert) SELECT $11 FROM inserted
            )
            SELECT monitor.state, monitor.updated_at, EXISTS (SELECT 1 FROM inserted) FROM monitor
            """
        typealias Row = (ByteBuffer, Int64, Bool)

        let batch: StoredTelemetryBatch
        let sequence: Int64
        /// The batch's encoded transparency-log entry.
        let logEntry: [UInt8]

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 11)
            appendBatchValues(to: &bindings)
            bindings.append(PostgresCoding.buffer(logEntry))
            return bindings
        }

        /// $1-$10: the batch's columns.
        func appendBatchValues(to bindings: inout PostgresBindings) {
            bindings.append(batch.deviceID)
            bindings.append(sequence)
            bindings.append(PostgresCoding.buffer(batch.digest))
            bindings.append(PostgresCoding.buffer(batch.signedBytes))
            bindings.append(batch.readingCount)
            bindings.append(batch.positionCount)
            bindings.append(PostgresCoding.milliseconds(batch.firstTime))
            bindings.append(PostgresCoding.milliseconds(batch.lastTime))
            bindings.append(batch.transport)
            bindings.append(PostgresCoding.milliseconds(batch.receivedAt))
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    /// Writes a device's monitor state (its row exists: the lock created it) and upserts its excursions.
    struct SaveMonitor: PostgresPreparedStatement {
        static let name = "dvc_telemetry_save_monitor_v1"
        static let sql = """
            WITH saved AS (
                UPDATE device_monitors SET state = $2, updated_at = $3 WHERE device_id = $1
            )
            INSERT INTO excursions (device_id, kind, start_at, end_at, is_open, extreme_c)
            SELECT $1, e.kind, e.start_at, e.end_at, e.is_open, e.extreme_c
            FROM unnest($4::text[], $5::bigint[], $6::bigint[], $7::boolean[], $8::double precision[])
                 AS e(kind, start_at, end_at, is_open, extreme_c)
            ON CONFLICT (device_id, start_at, kind) DO UPDATE
            SET end_at = EXCLUDED.end_at, is_open = EXCLUDED.is_open, extreme_c = EXCLUDED.extreme_c
            """
        typealias Row = ()

        let deviceID: String
        let state: DeviceMonitorState
        /// At most one per (kind, start).
        let excursions: [StoredExcursion]

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 8)
            bindings.append(deviceID)
            appendValues(to: &bindings)
            return bindings
        }

        /// The state, its time and the five excursion arrays (the statement's $2-$8).
        func appendValues(to bindings: inout PostgresBindings) {
            bindings.append(PostgresCoding.buffer(state.state))
            bindings.append(PostgresCoding.milliseconds(state.updatedAt))
            bindings.append(excursions.map(\.kind))
            bindings.append(excursions.map { PostgresCoding.milliseconds($0.start) })
            bindings.append(excursions.map { PostgresCoding.milliseconds($0.end) })
            bindings.append(excursions.map(\.isOpen))
            bindings.append(excursions.map(\.extremeC))
        }

        func decodeRow(_ row: PostgresRow) throws -> Row {}
    }

    /// The whole store of a batch in one statement (no `BEGIN`/`COMMIT`), when the caller knows the device's
    /// current state: locks the monitor row, and only if its state is still `expected` inserts the batch, writes
    /// the new state and excursions and queues the log entry. Returns whether the state matched and whether the
    /// batch was inserted; with a stale expectation nothing is written.
    struct StoreIfUnchanged: PostgresPreparedStatement {
        static let name = "dvc_telemetry_store_if_unchanged_v1"
        static let sql = """
            WITH monitor AS (
                SELECT state FROM device_monitors WHERE device_id = $1 FOR UPDATE
            ),
            matched AS (
                SELECT 1 FROM monitor WHERE state = $11
            ),
            inserted AS (\(insertBatch(after: "matched"))),
            saved AS (
                UPDATE device_monitors SET state = $12, updated_at = $13
                WHERE device_id = $1 AND EXISTS (SELECT 1 FROM inserted)
            ),
            excursions_saved AS (
                INSERT INTO excursions (device_id, kind, start_at, end_at, is_open, extreme_c)
                SELECT $1, e.kind, e.start_at, e.end_at, e.is_open, e.extreme_c
                FROM unnest($14::text[], $15::bigint[], $16::bigint[], $17::boolean[], $18::double precision[])
                     AS e(kind, start_at, end_at, is_open, extreme_c)
                WHERE EXISTS (SELECT 1 FROM inserted)
                ON CONFLICT (device_id, start_at, kind) DO UPDATE
                SET end_at = EXCLUDED.end_at, is_open = EXCLUDED.is_open, extreme_c = EXCLUDED.extreme_c
            ),
            queued AS (
                \(PostgresStore.logQueueInsert) SELECT $19 FROM inserted
            )
            SELECT EXISTS (SELECT 1 FROM matched), EXISTS (SELECT 1 FROM inserted)
            """
        typealias Row = (Bool, Bool)

        let insert: LockAndInsertBatch
        let expected: [UInt8]
        let save: SaveMonitor

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 19)
            insert.appendBatchValues(to: &bindings)  // $1-$10
            bindings.append(PostgresCoding.buffer(expected))  // $11
            save.appendValues(to: &bindings)  // $12-$18
            bindings.append(PostgresCoding.buffer(insert.logEntry))  // $19
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }
}
