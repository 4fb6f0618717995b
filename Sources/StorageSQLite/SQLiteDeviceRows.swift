import Foundation
import GRDB
import Storage

/// The column lists and row decoders of devices, placements, telemetry batches, monitor states and excursions.
enum SQLiteDeviceRows {
    static let deviceColumns = "id, kind, public_key, profile, label, created_at, disabled_at"

    static func device(_ row: Row) throws -> Device {
        let reader = SQLiteRowReader(row: row, table: "devices")
        return Device(
            id: try reader.string("id"), kind: try reader.enumeration("kind", as: Device.Kind.self),
            publicKey: try reader.bytes("public_key"), profile: try reader.string("profile"),
            label: try reader.string("label"), createdAt: try reader.date("created_at"),
            disabledAt: try reader.optionalDate("disabled_at"))
    }

    static let placementColumns = "device_id, location, since"

    /// A placement row selected with ``placementColumns``, read by position like ``excursion(_:)`` (the lot
    /// status query reads every placement of the devices near a lot).
    static func placement(_ row: Row) throws -> DevicePlacement {
        do {
            return DevicePlacement(
                deviceID: try row.decode(String.self, atIndex: 0), location: try row.decode(String.self, atIndex: 1),
                since: SQLiteValues.date(milliseconds: try row.decode(Int64.self, atIndex: 2)))
        } catch {
            throw StorageError(.corrupt, "expected a value in every column of device_placements; found NULL")
        }
    }

    static let batchColumns = """
        device_id, sequence, digest, signed_bytes, reading_count, position_count, first_time, last_time, transport,
        received_at
        """

    static func batch(_ row: Row) throws -> StoredTelemetryBatch {
        let reader = SQLiteRowReader(row: row, table: "telemetry_batches")
        return StoredTelemetryBatch(
            deviceID: try reader.string("device_id"), sequence: try reader.uint64("sequence"),
            digest: try reader.bytes("digest"), signedBytes: try reader.bytes("signed_bytes"),
            readingCount: try reader.int("reading_count"), positionCount: try reader.int("position_count"),
            firstTime: try reader.optionalDate("first_time"), lastTime: try reader.optionalDate("last_time"),
            transport: try reader.string("transport"), receivedAt: try reader.date("received_at"))
    }

    static let monitorColumns = "device_id, state, updated_at"

    static func monitor(_ row: Row) throws -> DeviceMonitorState {
        let reader = SQLiteRowReader(row: row, table: "device_monitors")
        return DeviceMonitorState(
            deviceID: try reader.string("device_id"), state: try reader.bytes("state"),
            updatedAt: try reader.date("updated_at"))
    }

    static let excursionColumns = "device_id, kind, start_at, end_at, is_open, extreme_c"

    /// An excursion row selected with ``excursionColumns``, read by position with SQLite's own conversions: the
    /// lot status query reads tens of thousands, and looking columns up by name costs more than the query. (A NULL
    /// is `STORAGE_CORRUPT`; the schema's NOT NULL and CHECK constraints keep the rest in shape.)
    static func excursion(_ row: Row) throws -> StoredExcursion {
        do {
            let isOpen = try row.decode(Int64.self, atIndex: 4)
            guard isOpen == 0 || isOpen == 1 else {
                throw StorageError(.corrupt, "expected 0 or 1 in excursions.is_open; found another INTEGER")
            }
            return StoredExcursion(
                deviceID: try row.decode(String.self, atIndex: 0), kind: try row.decode(String.self, atIndex: 1),
                start: SQLiteValues.date(milliseconds: try row.decode(Int64.self, atIndex: 2)),
                end: SQLiteValues.date(milliseconds: try row.decode(Int64.self, atIndex: 3)), isOpen: isOpen == 1,
                extremeC: try row.decode(Double.self, atIndex: 5))
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(.corrupt, "expected a value in every column of excursions; found NULL")
        }
    }
}
