import MQTT
import NIOCore
import Testing

@Suite("MQTT client state machine: publishing")
struct MQTTClientPublishTests {
    let topic = "dvc/v1/devices/fridge-7/telemetry"

    /// The PUBLISH packets among `actions`.
    func published(_ actions: [MQTTClientStateMachine.Action]) -> [MQTTPublish] {
        actions.compactMap { action in
            if case .send(.publish(let publish)) = action { return publish }
            return nil
        }
    }

    @Test func qos1IsSentAndReportedOnceAcknowledged() throws {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        connect(&machine)
        let (identifier, actions) = try machine.publish(topicName: topic, payload: buffer("1"), qos: .atLeastOnce)
        let id = try #require(identifier)
        #expect(
            actions == [
                .send(
                    .publish(
                        MQTTPublish(
                            topicName: topic, payload: buffer("1"),
                            delivery: .atLeastOnce(packetIdentifier: id, duplicate: false))))
            ])
        #expect(machine.outboundPendingCount == 1)
        #expect(machine.packetReceived(.pubAck(packetIdentifier: id)) == [.reportPublished(packetIdentifier: id)])
        #expect(machine.outboundPendingCount == 0)
        // A second PUBACK for the same identifier answers nothing that waits.
        #expect(
            machine.packetReceived(.pubAck(packetIdentifier: id)) == [
                .closeConnection(MQTTError(.protocolViolation, ""))
            ])
    }

    @Test func qos0IsSentWithoutIdentifierAndRefusedWhenNotConnected() throws {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        #expect(throws: MQTTError(.connectionLost, "")) {
            _ = try machine.publish(topicName: topic, payload: buffer("x"), qos: .atMostOnce)
        }
        connect(&machine)
        let (identifier, actions) = try machine.publish(topicName: topic, payload: buffer("x"), qos: .atMostOnce)
        #expect(identifier == nil)
        #expect(published(actions).map(\.delivery) == [.atMostOnce])
        #expect(machine.outboundPendingCount == 0)
    }

    @Test func wildcardTopicIsRefused() {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        connect(&machine)
        #expect(throws: MQTTError(.invalidTopic, "")) {
            _ = try machine.publish(topicName: "dvc/v1/devices/+/telemetry", payload: buffer("x"), qos: .atLeastOnce)
        }
    }

    @Test func qos1BeforeConnAckWaitsAndGoesOutWithoutDup() throws {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        _ = machine.start()
        let (identifier, actions) = try machine.publish(topicName: topic, payload: buffer("1"), qos: .atLeastOnce)
        #expect(actions.isEmpty)
        _ = machine.channelActive()
        let afterConnAck = machine.packetReceived(.connAck(MQTTConnAck(sessionPresent: false, returnCode: .accepted)))
        #expect(
            published(afterConnAck).map(\.delivery) == [
                .atLeastOnce(packetIdentifier: try #require(identifier), duplicate: false)
            ])
    }

    @Test func unacknowledgedMessagesAreResentWithDupInOrderAfterReconnection() throws {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        connect(&machine)
        var identifiers: [UInt16] = []
        for number in 1...3 {
            let (identifier, _) = try machine.publish(
                topicName: topic, payload: buffer("\(number)"), qos: .atLeastOnce)
            identifiers.append(try #require(identifier))
        }
        _ = machine.packetReceived(.pubAck(packetIdentifier: identifiers[1]))
        _ = machine.connectionClosed()
        _ = machine.reconnectTimerFired()
        _ = machine.channelActive()
        let afterConnAck = machine.packetReceived(.connAck(MQTTConnAck(sessionPresent: true, returnCode: .accepted)))
        let resent = published(afterConnAck)
        #expect(
            resent.map(\.delivery) == [
                .atLeastOnce(packetIdentifier: identifiers[0], duplicate: true),
                .atLeastOnce(packetIdentifier: identifiers[2], duplicate: true),
            ])
        #expect(resent.map { String(buffer: $0.payload) } == ["1", "3"])
        // The SUBSCRIBE identifier does not collide with a waiting message.
        let subscribeIdentifiers = afterConnAck.compactMap { action -> UInt16? in
            if case .send(.subscribe(let subscribe)) = action { return subscribe.packetIdentifier }
            return nil
        }
        #expect(subscribeIdentifiers.count == 1)
        #expect(!identifiers.contains(subscribeIdentifiers[0]))
    }

    @Test func identifiersOfWaitingMessagesAreSkippedAfterWrapping() throws {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration(cleanSession: true))
        connect(&machine)
        let (first, _) = try machine.publish(topicName: topic, payload: buffer("a"), qos: .atLeastOnce)
        var seen: Set<UInt16> = []
        for _ in 0..<70_000 {
            let (identifier, _) = try machine.publish(topicName: topic, payload: buffer("b"), qos: .atLeastOnce)
            let id = try #require(identifier)
            #expect(id != first)
            seen.insert(id)
            _ = machine.packetReceived(.pubAck(packetIdentifier: id))
        }
        #expect(seen.count == 65_534)  // every identifier but 0 and the one still waiting
    }

    @Test func queueIsBounded() throws {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        for _ in 0..<MQTTClientStateMachine.maximumOutboundPublishes {
            _ = try machine.publish(topicName: topic, payload: buffer("x"), qos: .atLeastOnce)
        }
        #expect(throws: MQTTError(.publishQueueFull, "")) {
            _ = try machine.publish(topicName: topic, payload: buffer("x"), qos: .atLeastOnce)
        }
    }
}
