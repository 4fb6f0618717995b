import NIOCore

extension MQTTClientStateMachine {
    /// The most QoS 1 messages that may wait for their PUBACK at once; more is `MQTT_PUBLISH_QUEUE_FULL`.
    public static let maximumOutboundPublishes = 1_000

    /// QoS 1 messages published and not yet acknowledged by the broker.
    public var outboundPendingCount: Int { outbound.count }

    /// The application publishes a message.
    ///
    /// * QoS 0 is sent at once and forgotten; without an accepted connection it throws `MQTT_CONNECTION_LOST`.
    /// * QoS 1 gets a packet identifier and is kept until the broker's PUBACK, reported as
    ///   ``Action/reportPublished(packetIdentifier:)``. It is sent at once when connected, otherwise after the next
    ///   accepted CONNACK (DUP clear); a message sent on a connection that was lost is sent again, with DUP set,
    ///   after the next accepted CONNACK. The broker may therefore receive it twice; subscribers de-duplicate.
    ///
    /// Returns the packet identifier (`nil` for QoS 0) and the actions. Throws `MQTT_INVALID_TOPIC` for a topic name
    /// with wildcards, and `MQTT_PUBLISH_QUEUE_FULL` when ``maximumOutboundPublishes`` messages already wait.
    public mutating func publish(
        topicName: String, payload: ByteBuffer, qos: MQTTQoS, retain: Bool = false
    ) throws(MQTTError) -> (packetIdentifier: UInt16?, actions: [Action]) {
        try MQTTTopic.validateName(topicName)
        switch qos {
        case .atMostOnce:
            guard isConnected else {
                throw MQTTError(.connectionLost, "expected an accepted connection for a QoS 0 message, found none")
            }
            let publish = MQTTPublish(topicName: topicName, payload: payload, delivery: .atMostOnce, retain: retain)
            return (nil, [send(.publish(publish))])
        case .atLeastOnce:
            guard outbound.count < Self.maximumOutboundPublishes else {
                throw MQTTError(
                    .publishQueueFull,
                    "expected fewer than \(Self.maximumOutboundPublishes) unacknowledged QoS 1 messages, "
                        + "found \(outbound.count)")
            }
            let identifier = nextPacketIdentifier()
            let publish = MQTTPublish(
                topicName: topicName, payload: payload,
                delivery: .atLeastOnce(packetIdentifier: identifier, duplicate: false), retain: retain)
            let connected = isConnected
            outbound.append(publish, identifier: identifier, sent: connected)
            return (identifier, connected ? [send(.publish(publish))] : [])
        }
    }

    /// A PUBACK for a message this client published; one for no waiting message is a protocol violation.
    mutating func pubAckReceived(_ identifier: UInt16) -> [Action] {
        guard outbound.acknowledge(identifier) else {
            return close(
                MQTTError(
                    .protocolViolation, "expected a PUBACK for a waiting QoS 1 message, found one for \(identifier)"))
        }
        return [.reportPublished(packetIdentifier: identifier)]
    }

    /// After an accepted CONNACK: every QoS 1 message still waiting, sent (again; DUP set if sent before).
    mutating func resendOutbound() -> [Action] {
        outbound.markAllForResend().map { send(.publish($0)) }
    }
}
