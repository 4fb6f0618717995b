import NIOCore

extension MQTTClientStateMachine {
    /// Bytes arrived from the broker: decodes every complete packet and handles it. A decoding error closes the
    /// connection with that error.
    public mutating func bytesReceived(_ bytes: ByteBuffer) -> [Action] {
        guard isReceiving, var connection else { return [] }
        var bytes = bytes
        connection.inbound.writeBuffer(&bytes)
        self.connection = connection
        var actions: [Action] = []
        while isReceiving, var current = self.connection {
            let packet: MQTTPacket?
            do {
                packet = try decoder.decodePacket(from: &current.inbound)
            } catch {
                self.connection = current
                return actions + close(error)
            }
            if current.inbound.readableBytes == 0 { current.inbound.clear() }
            self.connection = current
            guard let packet else { break }
            actions += packetReceived(packet)
        }
        if var current = self.connection, current.inbound.readerIndex > 4096 {
            current.inbound.discardReadBytes()
            self.connection = current
        }
        return actions
    }

    /// A decoded packet arrived from the broker (for I/O layers that decode in the channel pipeline).
    public mutating func packetReceived(_ packet: MQTTPacket) -> [Action] {
        switch (state, packet) {
        case (.awaitingConnAck, .connAck(let connAck)):
            return connAckReceived(connAck)
        case (.subscribing, .publish(let publish)), (.ready, .publish(let publish)):
            return publishReceived(publish)
        case (.subscribing(let expected), .subAck(let subAck)):
            return subAckReceived(subAck, expected: expected)
        case (.subscribing, .pubAck(let identifier)), (.ready, .pubAck(let identifier)):
            return pubAckReceived(identifier)
        case (.subscribing, .pingResp), (.ready, .pingResp):
            connection?.awaitingResponse = false
            connection?.ticksWaiting = 0
            return []
        case (.awaitingConnAck, _), (.subscribing, _), (.ready, _):
            return close(
                MQTTError(.protocolViolation, "expected a packet a broker may send now, found \(packet.typeName)"))
        default:
            return []  // the connection is closing or gone: late packets are dropped
        }
    }

    /// The application has durably stored these QoS 1 messages: PUBACK them, in the order they arrived. Tokens of an
    /// earlier connection, or already acknowledged, are ignored.
    public mutating func messagesStored(_ tokens: some Sequence<MQTTAcknowledgementToken>) -> [Action] {
        guard isConnected, var connection else { return [] }
        var ready: [UInt16] = []
        for token in tokens where token.connection == connection.number {
            ready += connection.acknowledgements.markStored(token.packetIdentifier)
        }
        self.connection = connection
        return ready.map { send(.pubAck(packetIdentifier: $0)) }
    }

    /// The keep-alive timer expired: ping if idle, time out if the broker stays silent.
    public mutating func keepAliveTimerFired() -> [Action] {
        guard let tick = keepAliveTick, var connection else { return [] }
        switch state {
        case .awaitingConnAck, .subscribing, .ready: break
        default: return []
        }
        var actions: [Action] = []
        if connection.awaitingResponse {
            connection.ticksWaiting += 1
            if connection.ticksWaiting >= 2 {
                self.connection = connection
                let what = state == .awaitingConnAck ? "CONNACK" : "PINGRESP"
                return close(
                    MQTTError(.keepAliveTimeout, "expected a \(what) within the keep-alive interval, found none"))
            }
            connection.sentSinceTick = false
            self.connection = connection
        } else {
            let idle = !connection.sentSinceTick
            connection.sentSinceTick = false
            if idle {
                connection.awaitingResponse = true
                connection.ticksWaiting = 0
            }
            self.connection = connection
            if idle { actions.append(send(.pingReq)) }  // the PINGREQ counts as sending in the next half-interval
        }
        actions.append(.scheduleKeepAlive(after: tick))
        return actions
    }

    // MARK: Packet handlers

    private var isReceiving: Bool {
        switch state {
        case .awaitingConnAck, .subscribing, .ready: return true
        default: return false
        }
    }

    private mutating func connAckReceived(_ connAck: MQTTConnAck) -> [Action] {
        guard connAck.returnCode == .accepted else {
            return close(
                MQTTError(
                    .connectionRefused,
                    "expected CONNACK return code 0, found \(connAck.returnCode.rawValue) (\(connAck.returnCode))"))
        }
        connection?.awaitingResponse = false
        connection?.ticksWaiting = 0
        var actions: [Action] = [.reportConnected(sessionPresent: connAck.sessionPresent)]
        if configuration.subscriptions.isEmpty {
            state = .ready
            failedAttempts = 0
            return actions + resendOutbound()
        } else {
            let identifier = nextPacketIdentifier()
            state = .subscribing(packetIdentifier: identifier)
            actions.append(
                send(
                    .subscribe(MQTTSubscribe(packetIdentifier: identifier, subscriptions: configuration.subscriptions)))
            )
        }
        return actions + resendOutbound()
    }

    private mutating func subAckReceived(_ subAck: MQTTSubAck, expected: UInt16) -> [Action] {
        guard subAck.packetIdentifier == expected else {
            return close(
                MQTTError(
                    .protocolViolation,
                    "expected a SUBACK for packet identifier \(expected), found \(subAck.packetIdentifier)"))
        }
        guard subAck.returnCodes.count == configuration.subscriptions.count else {
            return close(
                MQTTError(
                    .protocolViolation,
                    "expected \(configuration.subscriptions.count) SUBACK return codes, "
                        + "found \(subAck.returnCodes.count)"
                ))
        }
        if let refused = subAck.returnCodes.firstIndex(of: .failure) {
            return close(
                MQTTError(
                    .subscriptionRefused, "expected subscription \(refused + 1) to be granted, found failure (0x80)"))
        }
        state = .ready
        failedAttempts = 0
        return [.reportSubscribed(subAck.returnCodes)]
    }

    private mutating func publishReceived(_ publish: MQTTPublish) -> [Action] {
        guard var connection else { return [] }
        let message: MQTTMessage
        switch publish.delivery {
        case .atMostOnce:
            message = MQTTMessage(
                topicName: publish.topicName, payload: publish.payload, qos: .atMostOnce, retain: publish.retain,
                isDuplicate: false, packetIdentifier: nil, acknowledgement: nil)
        case .atLeastOnce(let identifier, let duplicate):
            // A resend of an identifier still waiting keeps its place in the PUBACK order; the store de-duplicates.
            _ = connection.acknowledgements.received(identifier)
            self.connection = connection
            message = MQTTMessage(
                topicName: publish.topicName, payload: publish.payload, qos: .atLeastOnce, retain: publish.retain,
                isDuplicate: duplicate, packetIdentifier: identifier,
                acknowledgement: MQTTAcknowledgementToken(connection: connection.number, packetIdentifier: identifier))
        }
        return [.deliver(message)]
    }
}

extension MQTTPacket {
    /// The packet type name, for error messages (never the content).
    var typeName: String {
        switch self {
        case .connect: return "CONNECT"
        case .connAck: return "CONNACK"
        case .publish: return "PUBLISH"
        case .pubAck: return "PUBACK"
        case .subscribe: return "SUBSCRIBE"
        case .subAck: return "SUBACK"
        case .unsubscribe: return "UNSUBSCRIBE"
        case .unsubAck: return "UNSUBACK"
        case .pingReq: return "PINGREQ"
        case .pingResp: return "PINGRESP"
        case .disconnect: return "DISCONNECT"
        }
    }
}
