import NIOCore

/// A PUBLISH delivered to the application.
///
/// Delivery is at least once: the same reading can arrive again, after a reconnection (with ``isDuplicate`` set and
/// usually the same ``packetIdentifier``) or as a new message when a device re-published it. Exactly-once counting
/// is therefore the store's job: it must de-duplicate on an identity inside the payload (for example device
/// identifier and reading sequence number), never on the packet identifier, which the broker reuses.
///
/// Log the topic's device part or the code of an error, not the message: its payload is application data.
public struct MQTTMessage: Hashable, Sendable {
    /// The topic name (for example `dvc/v1/devices/<device>/telemetry`).
    public var topicName: String
    /// The application payload.
    public var payload: ByteBuffer
    /// The QoS the broker delivered with.
    public var qos: MQTTQoS
    /// The RETAIN flag.
    public var retain: Bool
    /// The DUP flag: the broker may have delivered this message before.
    public var isDuplicate: Bool
    /// The packet identifier of a QoS 1 message.
    public var packetIdentifier: UInt16?
    /// For QoS 1: pass to ``MQTTClientStateMachine/messagesStored(_:)`` once stored. `nil` for QoS 0.
    public var acknowledgement: MQTTAcknowledgementToken?

    /// A delivered message.
    public init(
        topicName: String, payload: ByteBuffer, qos: MQTTQoS, retain: Bool, isDuplicate: Bool,
        packetIdentifier: UInt16?, acknowledgement: MQTTAcknowledgementToken?
    ) {
        self.topicName = topicName
        self.payload = payload
        self.qos = qos
        self.retain = retain
        self.isDuplicate = isDuplicate
        self.packetIdentifier = packetIdentifier
        self.acknowledgement = acknowledgement
    }
}
