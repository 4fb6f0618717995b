import NIOCore

/// A PUBLISH packet (§3.3) at QoS 0 or 1.
public struct MQTTPublish: Hashable, Sendable {
    /// How the message is delivered: QoS 0 has no packet identifier and no DUP flag; QoS 1 has both.
    public enum Delivery: Hashable, Sendable {
        /// QoS 0, at most once.
        case atMostOnce
        /// QoS 1, at least once: a non-zero packet identifier, and DUP set when this is a redelivery attempt.
        case atLeastOnce(packetIdentifier: UInt16, duplicate: Bool)

        /// The QoS level.
        public var qos: MQTTQoS {
            if case .atLeastOnce = self { return .atLeastOnce }
            return .atMostOnce
        }
    }

    /// The topic name (no wildcards, not empty).
    public var topicName: String
    /// The application message.
    public var payload: ByteBuffer
    /// QoS, packet identifier and DUP flag.
    public var delivery: Delivery
    /// The RETAIN flag.
    public var retain: Bool

    /// A PUBLISH packet.
    public init(topicName: String, payload: ByteBuffer, delivery: Delivery, retain: Bool = false) {
        self.topicName = topicName
        self.payload = payload
        self.delivery = delivery
        self.retain = retain
    }
}
