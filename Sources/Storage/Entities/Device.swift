import Foundation

/// A registered IoT device: a temperature logger, a shipment tracker or a gateway, with the P-256 key that signs
/// its telemetry.
public struct Device: Sendable, Hashable, Identifiable {
    /// What a device is.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A temperature logger in a fridge, freezer or cold box.
        case logger
        /// A tracker on a shipment (temperature and positions).
        case tracker
        /// A gateway relaying other devices' batches.
        case gateway
    }

    /// The device id (`TelemetryDeviceID`: 1 to 64 characters of `A-Z a-z 0-9 . _ -`), the `kid` of its batches.
    public var id: String
    public var kind: Kind
    /// The P-256 public key, 65 bytes (X9.63 uncompressed point).
    public var publicKey: [UInt8]
    /// The temperature profile its readings are judged against (`2-8`, `minus-25-15`, `minus-90-60`).
    public var profile: String
    /// A label for people (an asset tag, "Fridge 2, Central store"); no personal data.
    public var label: String
    public var createdAt: Date
    /// Set when the device is disabled: its batches are rejected from then on.
    public var disabledAt: Date?

    /// Creates a device.
    public init(
        id: String, kind: Kind, publicKey: [UInt8], profile: String, label: String, createdAt: Date,
        disabledAt: Date? = nil
    ) {
        self.id = id
        self.kind = kind
        self.publicKey = publicKey
        self.profile = profile
        self.label = label
        self.createdAt = createdAt
        self.disabledAt = disabledAt
    }
}
