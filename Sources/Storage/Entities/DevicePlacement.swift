import Foundation

/// Where a device is from a time on: a location (a site's SGLN, a piece of equipment's GIAI, a shipment's SSCC, as
/// a normalised GS1 Digital Link or another URI). A device stays at a location until its next placement.
public struct DevicePlacement: Sendable, Hashable {
    public var deviceID: String
    /// The location's identifier, normalised by the caller (the same form as in ``LotCustodyEntry/locations``).
    public var location: String
    public var since: Date

    /// Creates a placement.
    public init(deviceID: String, location: String, since: Date) {
        self.deviceID = deviceID
        self.location = location
        self.since = since
    }
}
