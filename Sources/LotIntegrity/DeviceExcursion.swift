import ColdChain

/// An excursion recorded by one device (from its ``ExcursionTracker``).
public struct DeviceExcursion: Sendable, Hashable {
    /// The device.
    public var deviceID: String
    /// The excursion, times in milliseconds since 1970.
    public var excursion: TrackedExcursion

    /// An excursion of a device.
    public init(deviceID: String, excursion: TrackedExcursion) {
        self.deviceID = deviceID
        self.excursion = excursion
    }
}
