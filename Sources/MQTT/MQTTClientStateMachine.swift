import NIOCore

/// A sans-IO MQTT 3.1.1 client: a value type that takes events and returns the ``Action``s the I/O layer performs.
///
/// It never touches a socket or a clock, so every path (keep-alive, timeouts, reconnection, redelivery) is tested
/// with plain values. The I/O layer (a NIO channel handler) feeds it:
///
/// | event | typical actions |
/// |---|---|
/// | `start()` | `openConnection` |
/// | `channelActive()` | `send(CONNECT)`, `scheduleKeepAlive` |
/// | `bytesReceived`, `packetReceived` | `reportConnected`, `send(SUBSCRIBE)`, `reportSubscribed`, `deliver`, close |
/// | `messagesStored(_:)` | `send(PUBACK)` in arrival order |
/// | `keepAliveTimerFired()` | `send(PINGREQ)`, `scheduleKeepAlive`, or `closeConnection(MQTT_KEEP_ALIVE_TIMEOUT)` |
/// | `connectionClosed()` | `reportDisconnected`, `scheduleReconnect` (exponential backoff, capped) |
/// | `reconnectTimerFired()` | `openConnection` |
/// | `stop()` | `send(DISCONNECT)`, `closeConnection(nil)` |
///
/// Delivery guarantee: QoS 1 messages are acknowledged (PUBACK) only after the application reports them durably
/// stored, and in the order received. With `cleanSession == false` the broker keeps unacknowledged messages across
/// a lost connection and redelivers them (DUP set) after reconnection, so nothing stored-but-unacknowledged or
/// received-but-unstored is lost; it may arrive twice, and the application's store de-duplicates (see
/// ``MQTTMessage``). Subscriptions are made again after every accepted connection.
///
/// Keep-alive: the machine asks for a tick every half keep-alive interval. A tick with nothing sent since the
/// previous one sends PINGREQ, so the client is never silent for a whole interval; a PINGREQ (or the CONNECT)
/// unanswered for a whole interval closes the connection.
public struct MQTTClientStateMachine: Sendable {
    enum State: Sendable, Equatable {
        /// Not started.
        case idle
        /// The I/O layer is opening a connection.
        case connecting
        /// CONNECT sent.
        case awaitingConnAck
        /// CONNACK accepted, SUBSCRIBE sent.
        case subscribing(packetIdentifier: UInt16)
        /// Subscriptions granted.
        case ready
        /// `closeConnection` asked for; waiting for `connectionClosed()`.
        case closing(MQTTError?)
        /// Waiting for the reconnect timer.
        case waitingToReconnect
        /// `stop()` called while a connection exists; waiting for it to end.
        case stopping
        /// Stopped; `start()` starts again.
        case stopped
    }

    /// State of the current network connection.
    struct Connection: Sendable {
        let number: UInt64
        var inbound = ByteBuffer()
        var acknowledgements = MQTTInboundAcknowledgements()
        /// A PINGREQ (or the CONNECT) waits for its answer.
        var awaitingResponse = false
        /// Keep-alive ticks since that request.
        var ticksWaiting = 0
        /// Whether anything was sent since the last keep-alive tick.
        var sentSinceTick = false
    }

    /// The configuration (validate it with ``MQTTClientConfiguration/validate()`` first).
    public let configuration: MQTTClientConfiguration
    var state: State = .idle
    var connection: Connection?
    var connectionCount: UInt64 = 0
    var failedAttempts = 0
    var lastPacketIdentifier: UInt16 = 0
    /// QoS 1 messages published and waiting for their PUBACK (kept across connections).
    var outbound = MQTTOutboundPublishes()
    let decoder: MQTTPacketDecoder

    /// A machine in the idle state.
    public init(configuration: MQTTClientConfiguration) {
        self.configuration = configuration
        self.decoder = MQTTPacketDecoder(maximumPacketSize: configuration.maximumPacketSize)
    }

    /// Whether the broker accepted the current connection.
    public var isConnected: Bool {
        switch state {
        case .subscribing, .ready: return true
        default: return false
        }
    }

    /// Whether the machine is stopped (after `stop()` and the end of the connection).
    public var isStopped: Bool { state == .stopped }

    /// QoS 1 messages of the current connection waiting for the application to store them.
    public var unacknowledgedMessageCount: Int { connection?.acknowledgements.count ?? 0 }

    // MARK: Lifecycle events

    /// The application wants to connect.
    public mutating func start() -> [Action] {
        switch state {
        case .idle, .stopped:
            state = .connecting
            return [.openConnection]
        default:
            return []
        }
    }

    /// The application wants to stop: DISCONNECT (the broker keeps the session unless clean), then close.
    public mutating func stop() -> [Action] {
        switch state {
        case .idle, .waitingToReconnect:
            state = .stopped
            return []
        case .connecting, .closing:
            state = .stopping
            return []
        case .awaitingConnAck:
            state = .stopping
            return [.closeConnection(nil)]
        case .subscribing, .ready:
            state = .stopping
            return [.send(.disconnect), .closeConnection(nil)]
        case .stopping, .stopped:
            return []
        }
    }

    /// The network connection is open: send CONNECT and start the keep-alive timer.
    public mutating func channelActive() -> [Action] {
        switch state {
        case .connecting:
            connectionCount += 1
            connection = Connection(number: connectionCount, awaitingResponse: true)
            state = .awaitingConnAck
            var actions = [send(.connect(configuration.connectPacket))]
            if let tick = keepAliveTick { actions.append(.scheduleKeepAlive(after: tick)) }
            return actions
        case .stopping:
            return [.closeConnection(nil)]
        default:
            return []
        }
    }

    /// The network connection ended (or could not be opened): report it and schedule a reconnection.
    public mutating func connectionClosed() -> [Action] {
        let reason: MQTTError
        switch state {
        case .stopping:
            connection = nil
            state = .stopped
            return [.reportDisconnected(nil)]
        case .closing(let error):
            reason = error ?? MQTTError(.connectionLost, "expected the connection to stay open, found it closed")
        case .connecting, .awaitingConnAck, .subscribing, .ready:
            reason = MQTTError(.connectionLost, "expected the connection to stay open, found it closed")
        case .idle, .waitingToReconnect, .stopped:
            return []
        }
        connection = nil
        state = .waitingToReconnect
        let delay = configuration.reconnectBackoff.delay(afterFailedAttempts: failedAttempts)
        failedAttempts += 1
        return [.reportDisconnected(reason), .scheduleReconnect(after: delay)]
    }

    /// The reconnect timer expired.
    public mutating func reconnectTimerFired() -> [Action] {
        guard state == .waitingToReconnect else { return [] }
        state = .connecting
        return [.openConnection]
    }

    // MARK: Helpers

    /// Half the keep-alive interval, or `nil` when keep-alive is off.
    var keepAliveTick: Duration? {
        configuration.keepAliveSeconds == 0 ? nil : .milliseconds(Int64(configuration.keepAliveSeconds) * 500)
    }

    /// Records that a packet goes out (for keep-alive) and returns the send action.
    mutating func send(_ packet: MQTTPacket) -> Action {
        connection?.sentSinceTick = true
        return .send(packet)
    }

    /// Asks the I/O layer to close the connection for `error`.
    mutating func close(_ error: MQTTError) -> [Action] {
        state = .closing(error)
        return [.closeConnection(error)]
    }

    /// The next packet identifier for SUBSCRIBE or an outgoing QoS 1 PUBLISH (1 to 65,535, wrapping, skipping
    /// identifiers of messages still waiting for their PUBACK).
    mutating func nextPacketIdentifier() -> UInt16 {
        repeat {
            lastPacketIdentifier = lastPacketIdentifier == .max ? 1 : lastPacketIdentifier + 1
        } while outbound.contains(lastPacketIdentifier)
        return lastPacketIdentifier
    }
}
