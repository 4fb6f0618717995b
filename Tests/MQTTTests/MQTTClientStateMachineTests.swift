import MQTT
import NIOCore
import Testing

let subscription = MQTTSubscription(topicFilter: telemetry, qos: .atLeastOnce)

func makeConfiguration(keepAlive: UInt16 = 30, cleanSession: Bool = false) -> MQTTClientConfiguration {
    MQTTClientConfiguration(
        clientIdentifier: "dvc-ingest", credentials: MQTTCredentials(username: "ingest", password: "secret"),
        cleanSession: cleanSession, keepAliveSeconds: keepAlive, subscriptions: [subscription],
        reconnectBackoff: MQTTReconnectBackoff(initialDelay: .seconds(1), maximumDelay: .seconds(10), multiplier: 2))
}

func reading(_ identifier: UInt16?, device: String = "fridge-7", duplicate: Bool = false) -> MQTTPacket {
    .publish(
        MQTTPublish(
            topicName: "dvc/v1/devices/\(device)/telemetry",
            payload: ByteBuffer(string: "{\"seq\":\(identifier ?? 0)}"),
            delivery: identifier.map { .atLeastOnce(packetIdentifier: $0, duplicate: duplicate) } ?? .atMostOnce))
}

/// The one message of a `[.deliver(...)]` action list.
func delivered(_ actions: [MQTTClientStateMachine.Action]) -> MQTTMessage? {
    guard actions.count == 1, case .deliver(let message) = actions[0] else { return nil }
    return message
}

/// Runs start → channel active → CONNACK → SUBACK, checking every step; returns the SUBSCRIBE identifier used.
@discardableResult
func connect(
    _ machine: inout MQTTClientStateMachine, sessionPresent: Bool = false, opening: Bool = true
) -> UInt16? {
    if opening { #expect(machine.start() == [.openConnection]) }
    let configuration = machine.configuration
    let connect = MQTTConnect(
        clientIdentifier: configuration.clientIdentifier, cleanSession: configuration.cleanSession,
        keepAliveSeconds: configuration.keepAliveSeconds, credentials: configuration.credentials)
    var expected: [MQTTClientStateMachine.Action] = [.send(.connect(connect))]
    if configuration.keepAliveSeconds > 0 {
        expected.append(.scheduleKeepAlive(after: .milliseconds(Int(configuration.keepAliveSeconds) * 500)))
    }
    #expect(machine.channelActive() == expected)
    let afterConnAck = machine.packetReceived(
        .connAck(MQTTConnAck(sessionPresent: sessionPresent, returnCode: .accepted)))
    guard afterConnAck.count == 2, case .send(.subscribe(let subscribe)) = afterConnAck[1] else {
        Issue.record("expected CONNACK to trigger SUBSCRIBE, found \(afterConnAck)")
        return nil
    }
    #expect(afterConnAck[0] == .reportConnected(sessionPresent: sessionPresent))
    #expect(subscribe.subscriptions == configuration.subscriptions)
    let granted = MQTTSubAck(packetIdentifier: subscribe.packetIdentifier, returnCodes: [.granted(.atLeastOnce)])
    #expect(machine.packetReceived(.subAck(granted)) == [.reportSubscribed([.granted(.atLeastOnce)])])
    #expect(machine.isConnected)
    return subscribe.packetIdentifier
}

@Suite("MQTT client state machine: connect, subscribe, QoS 1")
struct MQTTClientStateMachineTests {
    @Test func connectsWithCredentialsAndSubscribes() {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        #expect(!machine.isConnected)
        #expect(connect(&machine) == 1)
        #expect(machine.start() == [])  // already running
    }

    @Test func qos1MessageIsAcknowledgedOnlyOnceStored() throws {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        connect(&machine)
        let message = try #require(delivered(machine.packetReceived(reading(42))))
        #expect(message.topicName == "dvc/v1/devices/fridge-7/telemetry")
        #expect(message.qos == .atLeastOnce)
        #expect(message.packetIdentifier == 42)
        #expect(!message.isDuplicate)
        #expect(machine.unacknowledgedMessageCount == 1)
        // Nothing is sent while the application has not stored the message, whatever else happens.
        #expect(machine.packetReceived(.pingResp) == [])
        #expect(machine.keepAliveTimerFired() == [.scheduleKeepAlive(after: .seconds(15))])  // SUBSCRIBE went out
        let token = try #require(message.acknowledgement)
        #expect(machine.messagesStored([token]) == [.send(.pubAck(packetIdentifier: 42))])
        #expect(machine.unacknowledgedMessageCount == 0)
        #expect(machine.messagesStored([token]) == [])  // acknowledged once only
    }

    @Test func qos0MessageNeedsNoAcknowledgement() throws {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        connect(&machine)
        let message = try #require(delivered(machine.packetReceived(reading(nil))))
        #expect(message.qos == .atMostOnce)
        #expect(message.acknowledgement == nil)
        #expect(message.packetIdentifier == nil)
        #expect(machine.unacknowledgedMessageCount == 0)
    }

    @Test func pubAcksFollowArrivalOrderWhateverTheStoreOrder() throws {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        connect(&machine)
        let tokens = try [5, 6, 7].map { try #require(delivered(machine.packetReceived(reading($0)))?.acknowledgement) }
        #expect(machine.messagesStored([tokens[2]]) == [])
        #expect(machine.messagesStored([tokens[1]]) == [])
        #expect(
            machine.messagesStored([tokens[0]]) == [
                .send(.pubAck(packetIdentifier: 5)), .send(.pubAck(packetIdentifier: 6)),
                .send(.pubAck(packetIdentifier: 7)),
            ])
        // A batch stored at once is acknowledged at once.
        let batch = try [8, 9].map { try #require(delivered(machine.packetReceived(reading($0)))?.acknowledgement) }
        #expect(
            machine.messagesStored(batch.reversed()) == [
                .send(.pubAck(packetIdentifier: 8)), .send(.pubAck(packetIdentifier: 9)),
            ])
    }

    @Test func aResendOfAWaitingMessageIsDeliveredAgainAndAcknowledgedOnce() throws {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        connect(&machine)
        let first = try #require(delivered(machine.packetReceived(reading(4))))
        let resend = try #require(delivered(machine.packetReceived(reading(4, duplicate: true))))
        #expect(resend.isDuplicate)
        #expect(resend.acknowledgement == first.acknowledgement)
        #expect(machine.unacknowledgedMessageCount == 1)
        let token = try #require(first.acknowledgement)
        #expect(machine.messagesStored([token, token]) == [.send(.pubAck(packetIdentifier: 4))])
        // After the PUBACK the identifier is free again: a new message with it is a new message.
        let next = try #require(delivered(machine.packetReceived(reading(4))))
        #expect(!next.isDuplicate)
        #expect(machine.messagesStored([try #require(next.acknowledgement)]) == [.send(.pubAck(packetIdentifier: 4))])
    }

    @Test func messagesArrivingBeforeTheSubAckAreDelivered() throws {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        _ = machine.start()
        _ = machine.channelActive()
        _ = machine.packetReceived(.connAck(MQTTConnAck(sessionPresent: true, returnCode: .accepted)))
        // With a persistent session the broker may send queued messages before it answers SUBSCRIBE.
        let message = try #require(delivered(machine.packetReceived(reading(3, duplicate: true))))
        #expect(message.isDuplicate)
        #expect(
            machine.messagesStored([try #require(message.acknowledgement)]) == [.send(.pubAck(packetIdentifier: 3))])
    }

    @Test func decodesBytesSplitAcrossReads() throws {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        _ = machine.start()
        _ = machine.channelActive()
        let bytes =
            try encoded(.connAck(MQTTConnAck(sessionPresent: false, returnCode: .accepted)))
            + encoded(.subAck(MQTTSubAck(packetIdentifier: 1, returnCodes: [.granted(.atLeastOnce)])))
            + encoded(reading(11)) + encoded(reading(12))
        var actions: [MQTTClientStateMachine.Action] = []
        for chunk in stride(from: 0, to: bytes.count, by: 5) {
            actions += machine.bytesReceived(ByteBuffer(bytes: bytes[chunk..<min(chunk + 5, bytes.count)]))
        }
        #expect(actions.count == 5)
        #expect(actions[0] == .reportConnected(sessionPresent: false))
        #expect(actions[2] == .reportSubscribed([.granted(.atLeastOnce)]))
        #expect(delivered([actions[3]])?.packetIdentifier == 11)
        #expect(delivered([actions[4]])?.packetIdentifier == 12)
    }

    @Test func refusedConnectionClosesWithTheReturnCodeAndRetries() {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        _ = machine.start()
        _ = machine.channelActive()
        let refused = MQTTError(.connectionRefused, "")
        #expect(
            machine.packetReceived(.connAck(MQTTConnAck(sessionPresent: false, returnCode: .badUsernameOrPassword)))
                == [.closeConnection(refused)])
        #expect(machine.packetReceived(reading(1)) == [])  // late bytes are dropped while closing
        #expect(machine.connectionClosed() == [.reportDisconnected(refused), .scheduleReconnect(after: .seconds(1))])
    }

    @Test func refusedSubscriptionClosesTheConnection() {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        _ = machine.start()
        _ = machine.channelActive()
        _ = machine.packetReceived(.connAck(MQTTConnAck(sessionPresent: false, returnCode: .accepted)))
        #expect(
            machine.packetReceived(.subAck(MQTTSubAck(packetIdentifier: 1, returnCodes: [.failure])))
                == [.closeConnection(MQTTError(.subscriptionRefused, ""))])
    }

    @Test(arguments: [
        MQTTPacket.pubAck(packetIdentifier: 1), .pingReq, .disconnect, .unsubAck(packetIdentifier: 1),
        .connAck(MQTTConnAck(sessionPresent: false, returnCode: .accepted)),
        .subAck(MQTTSubAck(packetIdentifier: 99, returnCodes: [.granted(.atLeastOnce)])),
        .subscribe(MQTTSubscribe(packetIdentifier: 1, subscriptions: [subscription])),
    ])
    func packetsABrokerMustNotSendCloseTheConnection(_ packet: MQTTPacket) {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        connect(&machine)
        #expect(machine.packetReceived(packet) == [.closeConnection(MQTTError(.protocolViolation, ""))])
        #expect(!machine.isConnected)
    }

    @Test func publishBeforeConnAckIsAProtocolViolation() {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        _ = machine.start()
        _ = machine.channelActive()
        #expect(machine.packetReceived(reading(1)) == [.closeConnection(MQTTError(.protocolViolation, ""))])
    }

    @Test func subAckWithTheWrongNumberOfCodesIsAProtocolViolation() {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        _ = machine.start()
        _ = machine.channelActive()
        _ = machine.packetReceived(.connAck(MQTTConnAck(sessionPresent: false, returnCode: .accepted)))
        let twoCodes = MQTTSubAck(packetIdentifier: 1, returnCodes: [.granted(.atLeastOnce), .granted(.atMostOnce)])
        #expect(machine.packetReceived(.subAck(twoCodes)) == [.closeConnection(MQTTError(.protocolViolation, ""))])
    }

    @Test(arguments: [
        ([0x30, 0xFF, 0xFF, 0xFF, 0x7F] as [UInt8], "MQTT_TOO_LARGE"),
        ([0x32, 0x05, 0x00, 0x01, 0x74, 0x00, 0x00], "MQTT_MALFORMED"),
        ([0x50, 0x02, 0x00, 0x01], "MQTT_QOS2_UNSUPPORTED"),
        ([0xF0, 0x00], "MQTT_MALFORMED"),
    ])
    func badBytesCloseTheConnectionWithTheirCode(_ bytes: [UInt8], code: String) {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        connect(&machine)
        let actions = machine.bytesReceived(ByteBuffer(bytes: try! encoded(reading(1)) + bytes))
        #expect(actions.count == 2)
        #expect(delivered([actions[0]])?.packetIdentifier == 1)  // the good packet before the bad one is delivered
        guard case .closeConnection(let error?) = actions.last else {
            Issue.record("expected closeConnection, found \(actions)")
            return
        }
        #expect(error.code == code)
        #expect(machine.bytesReceived(ByteBuffer(bytes: try! encoded(reading(2)))) == [])
    }

    @Test func stopSendsDisconnectAndDoesNotReconnect() {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        connect(&machine)
        #expect(machine.stop() == [.send(.disconnect), .closeConnection(nil)])
        #expect(machine.connectionClosed() == [.reportDisconnected(nil)])
        #expect(machine.isStopped)
        #expect(machine.reconnectTimerFired() == [])
        #expect(machine.keepAliveTimerFired() == [])
        #expect(machine.stop() == [])
        #expect(machine.start() == [.openConnection])  // may start again
    }

    @Test func stopWhileConnectingClosesOnceTheChannelIsActive() {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        _ = machine.start()
        #expect(machine.stop() == [])
        #expect(machine.channelActive() == [.closeConnection(nil)])
        #expect(machine.connectionClosed() == [.reportDisconnected(nil)])
        #expect(machine.isStopped)
    }

    @Test func stopWhileWaitingToReconnectStopsAtOnce() {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        connect(&machine)
        _ = machine.connectionClosed()
        #expect(machine.stop() == [])
        #expect(machine.isStopped)
        #expect(machine.reconnectTimerFired() == [])
    }
}
