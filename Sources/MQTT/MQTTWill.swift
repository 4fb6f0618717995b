import NIOCore

/// The Will Message of a CONNECT (§3.1.2.5): published by the broker if the connection ends without DISCONNECT.
public struct MQTTWill: Hashable, Sendable {
    /// The topic name the will is published to (no wildcards).
    public var topicName: String
    /// The will payload (at most 65,535 bytes).
    public var message: ByteBuffer
    /// The QoS of the will publication.
    public var qos: MQTTQoS
    /// Whether the broker retains the will publication.
    public var retain: Bool

    /// A will message.
    public init(topicName: String, message: ByteBuffer, qos: MQTTQoS = .atMostOnce, retain: Bool = false) {
        self.topicName = topicName
        self.message = message
        self.qos = qos
        self.retain = retain
    }
}
