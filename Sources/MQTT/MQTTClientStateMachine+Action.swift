extension MQTTClientStateMachine {
    /// What the I/O layer must do after an event, in order.
    public enum Action: Hashable, Sendable {
        /// Open a TCP (or TLS) connection to the broker, then call `channelActive()`, or `connectionClosed()` if it
        /// fails.
        case openConnection
        /// Encode this packet with ``MQTTPacketEncoder`` and write it.
        case send(MQTTPacket)
        /// Hand this message to the application. A QoS 1 message is acknowledged only after the application
        /// passes its token to `messagesStored(_:)`.
        case deliver(MQTTMessage)
        /// Arm the keep-alive timer (replacing any earlier one); call `keepAliveTimerFired()` when it expires.
        case scheduleKeepAlive(after: Duration)
        /// Arm the reconnect timer; call `reconnectTimerFired()` when it expires.
        case scheduleReconnect(after: Duration)
        /// Close the connection and cancel its timers (`nil`: an orderly close); then call `connectionClosed()`.
        case closeConnection(MQTTError?)
        /// The broker accepted the connection.
        case reportConnected(sessionPresent: Bool)
        /// The broker granted every subscription (one return code per configured subscription).
        case reportSubscribed([MQTTSubAck.ReturnCode])
        /// The broker acknowledged (PUBACK) the QoS 1 message published with this packet identifier.
        case reportPublished(packetIdentifier: UInt16)
        /// The connection ended: `nil` after `stop()`, otherwise why. A reconnection follows unless stopped.
        case reportDisconnected(MQTTError?)
    }
}
