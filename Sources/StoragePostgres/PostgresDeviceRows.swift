import Foundation
import NIOCore
import PostgresNIO
import Storage

/// The column lists and row decoders of devices, placements, telemetry batches, monitor states and excursions.
enum PostgresDeviceRows {
    static let deviceColumns = "id, kind, public_key, profile, label, created_at, disabled_at"

    static func device(_ row: PostgresRow) throws -> Device {
        let (id, kind, publicKey, profile, label, createdAt, disabledAt) = try row.decode(
            (String, String, ByteBuffer, String, String, Int64, Int64?).self)
        return Device(
            id: id, kind: try PostgresCoding.value(kind, of: Device.Kind.self, column: "devices.kind"),
            publicKey: PostgresCoding.bytes(publicKey), profile: profile, label: label,
            createdAt: PostgresCoding.date(createdAt), disabledAt: PostgresCoding.date(disabledAt))
    }

    static let placementColumns = "device_id, location, since"

    static func placement(_ row: PostgresRow) throws -> DevicePlacement {
        let (deviceID, location, since) = try row.decode((String, String, Int64).self)
        return DevicePlacement(deviceID: deviceID, location: location, since: PostgresCoding.date(since))
    }

    static let batchColumns = """
        device_id, sequence, digest, signed_bytes, reading_count, position_count, first_time, last_time, transport,
        received_at
        """

    static func batch(_ row: PostgresRow) throws -> StoredTelemetryBatch {
        let (deviceID, sequence, digest, signedBytes, readingCount, positionCount, firstTime, lastTime, transport, receivedAt) =
            try row.decode((String, Int64, ByteBuffer, ByteBuffer, Int, Int, Int64?, Int64?, String, Int64).self)
        return StoredTelemetryBatch(
            deviceID: deviceID, sequence: try sequenceNumber(sequence), digest: PostgresCoding.bytes(digest),
            signedBytes: PostgresCoding.bytes(signedBytes), readingCount: readingCount, positionCount: positionCount,
            firstTime: PostgresCoding.date(firstTime), lastTime: PostgresCoding.date(lastTime), transport: transport,
            receivedAt: PostgresCoding.date(receivedAt))
    }

    static let monitorColumns = "device_id, state, updated_at"

    static func monitor(_ row: PostgresRow) throws -> DeviceMonitorState {
        let (deviceID, state, updatedAt) = try row.decode((String, ByteBuffer, Int64).self)
        return DeviceMonitorState(
            deviceID: deviceID, state: PostgresCoding.bytes(state), updatedAt: PostgresCoding.date(updatedAt))
    }

    static let excursionColumns = "device_id, kind, start_at, end_at, is_open, extreme_c"

    static func excursion(_ row: PostgresRow) throws -> StoredExcursion {
        let (deviceID, kind, start, end, isOpen, extremeC) = try row.decode((String, String, Int64, Int64, Bool, Double).self)
        return StoredExcursion(
            deviceID: deviceID, kind: kind, start: PostgresCoding.date(start), end: PostgresCoding.date(end),
            isOpen: isOpen, extremeC: extremeC)
    }

    /// A stored `telemetry_batches.sequence` as the device's `UInt64`, or `STORAGE_CORRUPT` when negative.
    static func sequenceNumber(_ stored: Int64) throws -> UInt64 {
        guard let sequence = UInt64(exactly: stored) else {
            throw StorageError(.corrupt, "telemetry_batches.sequence holds a negative number")
        }
        return sequence
    }

    /// A sequence number as stored: `STORAGE_INVALID_VALUE` above `Int64.max`.
    static func storedSequence(_ sequence: UInt64) throws -> Int64 {
        guard let value = Int64(exactly: sequence) else {
            throw StorageError(.invalidValue, "telemetry_batches.sequence must be at most 9223372036854775807")
        }
        return value
    }
}
