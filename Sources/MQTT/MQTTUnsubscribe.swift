/// An UNSUBSCRIBE packet (§3.10): a packet identifier and at least one topic filter.
public struct MQTTUnsubscribe: Hashable, Sendable {
    /// The non-zero packet identifier the UNSUBACK echoes.
    public var packetIdentifier: UInt16
    /// The topic filters to remove, at least one.
    public var topicFilters: [MQTTTopicFilter]

    /// An UNSUBSCRIBE packet.
    public init(packetIdentifier: UInt16, topicFilters: [MQTTTopicFilter]) {
        self.packetIdentifier = packetIdentifier
        self.topicFilters = topicFilters
    }
}
