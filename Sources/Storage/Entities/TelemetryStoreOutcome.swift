/// What ``PlatformStore/storeTelemetry(_:monitor:update:)`` did with a batch.
public enum TelemetryStoreOutcome: Sendable, Hashable {
    /// The batch was stored, with the monitor state and excursions `update` returned.
    case stored
    /// The device already has this sequence number with the same digest: a retry, nothing stored.
    case duplicate
    /// The device already has this sequence number with another digest: nothing stored.
    case conflictingDigest
}
