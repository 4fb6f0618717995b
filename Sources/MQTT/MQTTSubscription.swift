/// One topic filter and requested QoS of a SUBSCRIBE packet.
public struct MQTTSubscription: Hashable, Sendable {
    /// The validated topic filter.
    public var topicFilter: MQTTTopicFilter
    /// The maximum QoS the broker may use for matching messages.
    public var qos: MQTTQoS

    /// A subscription.
    public init(topicFilter: MQTTTopicFilter, qos: MQTTQoS) {
        self.topicFilter = topicFilter
        self.qos = qos
    }
}
