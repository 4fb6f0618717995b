/// The result of folding a batch into a device's monitor state: the new state and the excursions that were
/// opened, extended or closed (each replaces the stored excursion with the same device, kind and start).
public struct DeviceMonitorUpdate: Sendable, Hashable {
    public var state: DeviceMonitorState
    public var excursions: [StoredExcursion]

    /// Creates an update.
    public init(state: DeviceMonitorState, excursions: [StoredExcursion]) {
        self.state = state
        self.excursions = excursions
    }
}
