import MQTT
import NIOCore
import Testing

@Suite("MQTT client state machine: reconnection")
struct MQTTClientReconnectTests {
    static let lost = MQTTError(.connectionLost, "")

    @Test func backoffGrowsAndCapsThenResubscribesAndAcknowledgesTheRedeliveredMessage() throws {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        connect(&machine)
        // A reading arrives; the broker goes away before the application stored it.
        let first = try #require(delivered(machine.packetReceived(reading(17))))
        #expect(machine.connectionClosed() == [.reportDisconnected(Self.lost), .scheduleReconnect(after: .seconds(1))])
        #expect(machine.messagesStored([try #require(first.acknowledgement)]) == [])  // no connection: no PUBACK

        // The broker stays down: each failed attempt doubles the delay, up to the 10 s cap.
        var delays: [Duration] = []
        for _ in 0..<6 {
            #expect(machine.reconnectTimerFired() == [.openConnection])
            let actions = machine.connectionClosed()
            guard actions.count == 2, case .scheduleReconnect(let delay) = actions[1] else {
                Issue.record("expected a scheduled reconnection, found \(actions)")
                return
            }
            #expect(actions[0] == .reportDisconnected(Self.lost))
            delays.append(delay)
        }
        #expect(delays == [.seconds(2), .seconds(4), .seconds(8), .seconds(10), .seconds(10), .seconds(10)])

        // The broker is back with the session: the client subscribes again and the reading is redelivered.
        #expect(machine.reconnectTimerFired() == [.openConnection])
        #expect(connect(&machine, sessionPresent: true, opening: false) == 2)
        let again = try #require(delivered(machine.packetReceived(reading(17, duplicate: true))))
        #expect(again.isDuplicate)
        #expect(again.packetIdentifier == 17)
        #expect(again.payload == first.payload)
        // The stale token from the first connection is ignored; the new one is acknowledged once stored.
        #expect(machine.messagesStored([try #require(first.acknowledgement)]) == [])
        #expect(machine.unacknowledgedMessageCount == 1)
        #expect(machine.messagesStored([try #require(again.acknowledgement)]) == [.send(.pubAck(packetIdentifier: 17))])

        // A working connection resets the backoff.
        #expect(machine.connectionClosed() == [.reportDisconnected(Self.lost), .scheduleReconnect(after: .seconds(1))])
    }

    @Test func staleTokenCannotAcknowledgeAReusedPacketIdentifier() throws {
        // Clean session: packet identifiers start afresh, so an old token must not acknowledge a new message.
        var machine = MQTTClientStateMachine(configuration: makeConfiguration(cleanSession: true))
        connect(&machine)
        let old = try #require(delivered(machine.packetReceived(reading(1, device: "a")))?.acknowledgement)
        _ = machine.connectionClosed()
        _ = machine.reconnectTimerFired()
        connect(&machine, opening: false)
        let new = try #require(delivered(machine.packetReceived(reading(1, device: "b")))?.acknowledgement)
        #expect(old != new)
        #expect(machine.messagesStored([old]) == [])
        #expect(machine.messagesStored([new]) == [.send(.pubAck(packetIdentifier: 1))])
    }

    @Test func closeAsksForAReconnectionWithTheReason() {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        connect(&machine)
        _ = machine.packetReceived(.pingReq)  // a protocol violation closes
        #expect(
            machine.connectionClosed() == [
                .reportDisconnected(MQTTError(.protocolViolation, "")), .scheduleReconnect(after: .seconds(1)),
            ])
        #expect(machine.connectionClosed() == [])  // a second close notification is ignored
        #expect(machine.reconnectTimerFired() == [.openConnection])
        #expect(machine.reconnectTimerFired() == [])  // a second timer is ignored
    }

    @Test func subscribePacketIdentifiersAdvance() {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration())
        var identifiers: [UInt16?] = [connect(&machine)]
        for _ in 0..<3 {
            _ = machine.connectionClosed()
            _ = machine.reconnectTimerFired()
            identifiers.append(connect(&machine, opening: false))
        }
        #expect(identifiers == [1, 2, 3, 4])
    }

    @Test(arguments: [
        (0, Duration.seconds(1)), (1, .seconds(2)), (2, .seconds(4)), (5, .seconds(32)), (6, .seconds(60)),
        (7, .seconds(60)), (1_000, .seconds(60)), (Int.max, .seconds(60)),
    ])
    func defaultBackoff(failedAttempts: Int, expected: Duration) {
        #expect(MQTTReconnectBackoff().delay(afterFailedAttempts: failedAttempts) == expected)
    }

    @Test func backoffWithMillisecondsAndAnOddMultiplier() {
        let backoff = MQTTReconnectBackoff(initialDelay: .milliseconds(100), maximumDelay: .seconds(1), multiplier: 3)
        #expect(
            (0..<5).map(backoff.delay(afterFailedAttempts:)) == [
                .milliseconds(100), .milliseconds(300), .milliseconds(900), .seconds(1), .seconds(1),
            ])
    }

    @Test func configurationValidation() throws {
        try makeConfiguration().validate()
        var noIdentifier = makeConfiguration()
        noIdentifier.clientIdentifier = ""
        #expect(throws: MQTTError(.invalidConfiguration, "")) { try noIdentifier.validate() }
        noIdentifier.cleanSession = true
        try noIdentifier.validate()
        var badBackoff = makeConfiguration()
        badBackoff.reconnectBackoff = MQTTReconnectBackoff(initialDelay: .seconds(5), maximumDelay: .seconds(1))
        #expect(throws: MQTTError(.invalidConfiguration, "")) { try badBackoff.validate() }
        var nul = makeConfiguration()
        nul.credentials = MQTTCredentials(username: "a\u{0}")
        #expect(throws: MQTTError(.invalidConfiguration, "")) { try nul.validate() }
    }
}
