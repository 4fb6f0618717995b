/// A device placed at a location from a time on: one entry of the device's placement history. It holds until the
/// device's next placement (the last one until the evaluation time).
public struct DevicePlacementSpan: Sendable, Hashable {
    /// The monitoring device (logger) identifier.
    public var deviceID: String
    /// Where the device is: an SGLN / GLN Digital Link, an SSCC (device travelling in a logistic unit) or any URI;
    /// compared after ``CustodyExtractor/normaliseLocation(_:)``.
    public var location: String
    /// From when, in milliseconds since 1970-01-01 UTC.
    public var since: Int64

    /// A placement.
    public init(deviceID: String, location: String, since: Int64) {
        self.deviceID = deviceID
        self.location = location
        self.since = since
    }
}
