import Foundation

/// A device's signed telemetry batch as received: the COSE_Sign1 bytes kept for audit, and what the ingest read
/// from them.
public struct StoredTelemetryBatch: Sendable, Hashable {
    public var deviceID: String
    /// The device's sequence number (unique per device).
    public var sequence: UInt64
    /// SHA-256 of the signed payload: a retried batch has the same digest.
    public var digest: [UInt8]
    /// The COSE_Sign1 message as the device sent it.
    public var signedBytes: [UInt8]
    public var readingCount: Int
    public var positionCount: Int
    /// The earliest and latest reading or position time (nil for an empty batch).
    public var firstTime: Date?
    public var lastTime: Date?
    /// `http` or `mqtt`.
    public var transport: String
    public var receivedAt: Date

    /// Creates a batch record.
    public init(
        deviceID: String, sequence: UInt64, digest: [UInt8], signedBytes: [UInt8], readingCount: Int,
        positionCount: Int, firstTime: Date?, lastTime: Date?, transport: String, receivedAt: Date
    ) {
        self.deviceID = deviceID
        self.sequence = sequence
        self.digest = digest
        self.signedBytes = signedBytes
        self.readingCount = readingCount
        self.positionCount = positionCount
        self.firstTime = firstTime
        self.lastTime = lastTime
        self.transport = transport
        self.receivedAt = receivedAt
    }
}
