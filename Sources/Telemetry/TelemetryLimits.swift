/// Limits applied to untrusted signed telemetry before and while decoding it.
public struct TelemetryLimits: Sendable, Hashable {
    /// The largest signed message, in bytes (default 512 KiB).
    public var maxMessageSize: Int
    /// The most temperature readings in one batch (default 10 000).
    public var maxReadings: Int
    /// The most position fixes in one batch (default 10 000).
    public var maxPositions: Int

    /// Creates limits; every parameter has the documented default.
    public init(maxMessageSize: Int = 512 * 1024, maxReadings: Int = 10_000, maxPositions: Int = 10_000) {
        self.maxMessageSize = maxMessageSize
        self.maxReadings = maxReadings
        self.maxPositions = maxPositions
    }

    /// The defaults: 512 KiB, 10 000 readings, 10 000 positions.
    public static let `default` = TelemetryLimits()

    /// Nesting in a batch: the map (1), the readings or positions array (2), one sample array (3).
    static let payloadDepth = 3
    /// Nesting in the envelope: tag 18 (1), the COSE array (2), the unprotected header map (3).
    static let envelopeDepth = 3

    /// The most CBOR data items a valid batch within these limits can hold: the map with its five keys and
    /// values, and up to four items (the array and three members) per sample.
    var maxPayloadItems: Int {
        let samples = max(0, maxReadings).addingReportingOverflow(max(0, maxPositions))
        let items = samples.partialValue.multipliedReportingOverflow(by: 4)
        guard !samples.overflow, !items.overflow else { return Int.max }
        return items.partialValue.addingReportingOverflow(16).overflow ? Int.max : items.partialValue + 16
    }
}
