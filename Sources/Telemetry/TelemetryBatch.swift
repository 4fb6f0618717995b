import Crypto

/// A batch of telemetry from one device: what a logger, tracker or gateway signs and sends (docs/TELEMETRY.md).
///
/// The wire form is a CBOR map with small integer keys in deterministic encoding (``encoded()``), signed as a
/// COSE_Sign1 by ``SignedTelemetry``. Each device numbers its batches with a ``sequence`` that increases by one
/// per new batch; a retried batch keeps its number and its bytes, so its ``digest()`` is the same.
public struct TelemetryBatch: Sendable, Hashable {
    /// The device that took the readings; it must equal the `kid` of the signed message.
    public var deviceID: TelemetryDeviceID
    /// The device's batch number, increasing per device (see ``TelemetryAdmission``).
    public var sequence: UInt64
    /// When the device sent (first assembled) the batch, in ms since 1970 (see ``TelemetryTime``).
    public var sentAt: Int64
    /// Temperature readings, possibly none (a tracker may send positions only).
    public var readings: [TemperatureSample]
    /// Position fixes of a tracker; empty when the device has none (the key is then left out on the wire).
    public var positions: [PositionSample]

    /// Creates a batch; ``validate()`` checks the ranges, and signing validates too.
    public init(
        deviceID: TelemetryDeviceID, sequence: UInt64, sentAt: Int64, readings: [TemperatureSample],
        positions: [PositionSample] = []
    ) {
        self.deviceID = deviceID
        self.sequence = sequence
        self.sentAt = sentAt
        self.readings = readings
        self.positions = positions
    }

    /// Checks every time, temperature, latitude and longitude against its documented range, and the number of
    /// readings and positions against `limits`.
    /// - Throws: ``TelemetryError`` with `TELEMETRY_OUT_OF_RANGE` naming the first bad field, or `TELEMETRY_TOO_LARGE`.
    public func validate(limits: TelemetryLimits = .default) throws(TelemetryError) {
        guard readings.count <= limits.maxReadings else {
            throw TelemetryError(
                .tooLarge, "expected at most \(limits.maxReadings) readings, found \(readings.count)", field: "readings"
            )
        }
        guard positions.count <= limits.maxPositions else {
            throw TelemetryError(
                .tooLarge, "expected at most \(limits.maxPositions) positions, found \(positions.count)",
                field: "positions")
        }
        try TelemetryTime.validate(sentAt, field: "sentAt")
        for index in readings.indices {
            try readings[index].validate(field: "readings[\(index)]")
        }
        for index in positions.indices {
            try positions[index].validate(field: "positions[\(index)]")
        }
    }

    /// The latest time in the batch: ``sentAt`` or any reading or position time, whichever is largest.
    public var latestTime: Int64 {
        var latest = sentAt
        for reading in readings where reading.time > latest { latest = reading.time }
        for position in positions where position.time > latest { latest = position.time }
        return latest
    }

    /// SHA-256 of ``encoded()``: the identity of the batch's content, used to tell a retried batch (same
    /// sequence, same digest) from a replay (same sequence, another digest). Because verification accepts only
    /// the deterministic encoding, this equals SHA-256 of the signed payload bytes.
    public func digest() -> [UInt8] {
        var hasher = SHA256()
        encoded().withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return Array(hasher.finalize())
    }
}
