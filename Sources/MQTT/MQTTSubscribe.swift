/// A SUBSCRIBE packet (§3.8): a packet identifier and at least one subscription.
public struct MQTTSubscribe: Hashable, Sendable {
    /// The non-zero packet identifier the SUBACK echoes.
    public var packetIdentifier: UInt16
    /// The subscriptions, at least one.
    public var subscriptions: [MQTTSubscription]

    /// A SUBSCRIBE packet.
    public init(packetIdentifier: UInt16, subscriptions: [MQTTSubscription]) {
        self.packetIdentifier = packetIdentifier
        self.subscriptions = subscriptions
    }
}
