/// What the ingest pipeline did with one signed batch: stored, acknowledged as a retry, or rejected by the
/// admission rules. Verification failures (unknown device, bad signature, malformed) are thrown instead.
public struct TelemetryIngestResult: Sendable, Hashable {
    /// What happened.
    public enum Outcome: String, Sendable, Hashable {
        /// Stored (first time seen).
        case stored
        /// A retry of a stored batch: acknowledged, nothing stored.
        case duplicate
        /// Refused by the admission rules (replay, clock skew): nothing stored.
        case rejected
    }

    public var outcome: Outcome
    /// The stable reason code (`TELEMETRY_ACCEPTED`, `TELEMETRY_DUPLICATE`, `TELEMETRY_REPLAY`, ...).
    public var reason: String
    public var deviceID: String
    public var sequence: UInt64
    /// Readings in the batch.
    public var readings: Int
    /// Sequence numbers skipped before this batch (``TelemetryAdmissionReason/acceptedWithGap``), else 0.
    public var gap: UInt64

    /// Creates a result.
    public init(outcome: Outcome, reason: String, deviceID: String, sequence: UInt64, readings: Int, gap: UInt64 = 0) {
        self.outcome = outcome
        self.reason = reason
        self.deviceID = deviceID
        self.sequence = sequence
        self.readings = readings
        self.gap = gap
    }
}
