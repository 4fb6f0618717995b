/// Identifies a received QoS 1 message for acknowledgement: the connection it arrived on and its packet identifier.
///
/// Pass it back to ``MQTTClientStateMachine/messagesStored(_:)`` once the message is durably stored. A token from
/// an earlier connection is ignored (no PUBACK): with a persistent session the broker redelivers the message on
/// the new connection, where it gets a new token.
public struct MQTTAcknowledgementToken: Hashable, Sendable {
    /// Counts the connections of one state machine, from 1.
    public let connection: UInt64
    /// The packet identifier of the PUBLISH.
    public let packetIdentifier: UInt16

    init(connection: UInt64, packetIdentifier: UInt16) {
        self.connection = connection
        self.packetIdentifier = packetIdentifier
    }
}
