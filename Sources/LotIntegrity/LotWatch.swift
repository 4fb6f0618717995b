/// A time during which a device watched a lot: the device was placed at one of the lot's custody locations.
/// The interval is half-open, `[from, to)`, in milliseconds since 1970.
public struct LotWatch: Sendable, Hashable {
    /// The device.
    public var deviceID: String
    /// The shared location (normalised).
    public var location: String
    /// Start, inclusive.
    public var from: Int64
    /// End, exclusive.
    public var to: Int64

    /// A watch.
    public init(deviceID: String, location: String, from: Int64, to: Int64) {
        self.deviceID = deviceID
        self.location = location
        self.from = from
        self.to = to
    }

    /// The length in minutes.
    public var minutes: Double { (Double(to) - Double(from)) / 60_000 }
}
