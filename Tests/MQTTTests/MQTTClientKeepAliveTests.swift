import MQTT
import NIOCore
import Testing

@Suite("MQTT client state machine: keep-alive")
struct MQTTClientKeepAliveTests {
    static let tick = MQTTClientStateMachine.Action.scheduleKeepAlive(after: .seconds(5))

    @Test func pingsAfterAKeepAliveIntervalOfSilenceAndAcceptsTheAnswer() {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration(keepAlive: 10))
        connect(&machine)
        // The SUBSCRIBE was sent in this half-interval: no ping yet.
        #expect(machine.keepAliveTimerFired() == [Self.tick])
        // A whole half-interval without sending: PINGREQ.
        #expect(machine.keepAliveTimerFired() == [.send(.pingReq), Self.tick])
        #expect(machine.packetReceived(.pingResp) == [])
        #expect(machine.keepAliveTimerFired() == [Self.tick])  // the PINGREQ counts as sending
        #expect(machine.keepAliveTimerFired() == [.send(.pingReq), Self.tick])
        #expect(machine.packetReceived(.pingResp) == [])
        #expect(machine.isConnected)
    }

    @Test func sendingPubAcksKeepsTheConnectionAliveWithoutPings() throws {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration(keepAlive: 10))
        connect(&machine)
        for identifier in UInt16(1)...5 {
            let token = try #require(delivered(machine.packetReceived(reading(identifier)))?.acknowledgement)
            #expect(machine.messagesStored([token]) == [.send(.pubAck(packetIdentifier: identifier))])
            #expect(machine.keepAliveTimerFired() == [Self.tick])
        }
    }

    @Test func closesWhenThePingIsNotAnsweredWithinTheInterval() {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration(keepAlive: 10))
        connect(&machine)
        _ = machine.keepAliveTimerFired()
        #expect(machine.keepAliveTimerFired() == [.send(.pingReq), Self.tick])
        #expect(machine.keepAliveTimerFired() == [Self.tick])  // half the interval: still waiting
        let timeout = MQTTError(.keepAliveTimeout, "")
        #expect(machine.keepAliveTimerFired() == [.closeConnection(timeout)])
        #expect(machine.connectionClosed() == [.reportDisconnected(timeout), .scheduleReconnect(after: .seconds(1))])
        #expect(machine.keepAliveTimerFired() == [])  // a late timer does nothing
    }

    @Test func incomingTrafficDoesNotReplaceThePingResponse() {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration(keepAlive: 10))
        connect(&machine)
        _ = machine.keepAliveTimerFired()
        _ = machine.keepAliveTimerFired()  // PINGREQ
        _ = machine.packetReceived(reading(nil))
        _ = machine.keepAliveTimerFired()
        #expect(machine.keepAliveTimerFired() == [.closeConnection(MQTTError(.keepAliveTimeout, ""))])
    }

    @Test func closesWhenNoConnAckArrivesWithinTheInterval() {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration(keepAlive: 10))
        _ = machine.start()
        _ = machine.channelActive()
        #expect(machine.keepAliveTimerFired() == [Self.tick])
        #expect(machine.keepAliveTimerFired() == [.closeConnection(MQTTError(.keepAliveTimeout, ""))])
    }

    @Test func keepAliveZeroSchedulesNothing() {
        var machine = MQTTClientStateMachine(configuration: makeConfiguration(keepAlive: 0))
        connect(&machine)
        #expect(machine.keepAliveTimerFired() == [])
    }
}
