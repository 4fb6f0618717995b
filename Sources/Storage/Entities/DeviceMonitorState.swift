import Foundation

/// What the ingest keeps per device between batches: an opaque state blob owned by the domain (the excursion
/// tracker's open run, the last reading and position), stored and returned unchanged.
public struct DeviceMonitorState: Sendable, Hashable {
    public var deviceID: String
    /// The domain's encoding of its state; storage does not read it.
    public var state: [UInt8]
    public var updatedAt: Date

    /// Creates a state.
    public init(deviceID: String, state: [UInt8], updatedAt: Date) {
        self.deviceID = deviceID
        self.state = state
        self.updatedAt = updatedAt
    }
}
