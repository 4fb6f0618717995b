import Logging
import MQTT
import NIOCore
import NIOPosix

/// Runs one ``MQTTClientStateMachine`` on one event loop: performs its actions (connect, write, timers, close) and
/// feeds it the channel's events.
///
/// `@unchecked Sendable`: every mutable property is read and written on `eventLoop` only (each entry point is
/// called there and checks it with `assertInEventLoop`); the immutable ones are Sendable.
final class MQTTConnectionDriver: @unchecked Sendable {
    let eventLoop: any EventLoop
    let configuration: MQTTClient.Configuration
    let logger: Logger
    /// Connection events for ``MQTTClient/events()``.
    let events = MQTTEventBroadcaster()
    /// Succeeds once the client has stopped and its connection is closed.
    let stopped: EventLoopFuture<Void>
    private let stoppedPromise: EventLoopPromise<Void>

    private var machine: MQTTClientStateMachine
    private var running = false
    private var finished = false
    /// Counts connection attempts, so that events of an earlier channel are ignored.
    private var attempt = 0
    private var channel: (any Channel)?
    /// A pipeline error (for example a malformed packet) that ended the current connection.
    private var pipelineError: MQTTError?
    private var keepAliveTask: Scheduled<Void>?
    private var reconnectTask: Scheduled<Void>?
    private var deliveries: AsyncStream<MQTTMessage>.Continuation?
    private var publishWaiters: [UInt16: EventLoopPromise<Void>] = [:]
    private var queuedActions: [MQTTClientStateMachine.Action] = []
    private var performing = false
    /// Messages handed to the application and not yet handled (``messageHandled()``), across connections.
    private var awaitingHandler = 0
    /// Whether reading from the socket is paused because ``awaitingHandler`` reached half the delivery buffer.
    private var readingPaused = false

    init(configuration: MQTTClient.Configuration, eventLoop: any EventLoop, logger: Logger) {
        self.configuration = configuration
        self.eventLoop = eventLoop
        self.logger = logger
        self.machine = MQTTClientStateMachine(configuration: configuration.session)
        self.stoppedPromise = eventLoop.makePromise()
        self.stopped = stoppedPromise.futureResult
    }

    // MARK: Application events

    func start(deliveries: AsyncStream<MQTTMessage>.Continuation) throws(MQTTError) {
        eventLoop.assertInEventLoop()
        guard !running, !finished else {
            deliveries.finish()
            throw MQTTError(.invalidConfiguration, "expected run() to be called once, found a second call")
        }
        running = true
        self.deliveries = deliveries
        perform(machine.start())
    }

    func stop() {
        eventLoop.assertInEventLoop()
        guard !finished else { return }
        guard running else {
            finish()
            return
        }
        reconnectTask?.cancel()
        reconnectTask = nil
        perform(machine.stop())
    }

    func messageStored(_ token: MQTTAcknowledgementToken) {
        eventLoop.assertInEventLoop()
        perform(machine.messagesStored([token]))
    }

    /// The application finished with one delivered message (stored or failed): reading resumes once the messages
    /// waiting for the handler are down to half of the delivery buffer.
    func messageHandled() {
        eventLoop.assertInEventLoop()
        awaitingHandler = max(0, awaitingHandler - 1)
        guard readingPaused, awaitingHandler <= configuration.deliveryBufferSize / 2 else { return }
        readingPaused = false
        guard let channel else { return }
        try? channel.syncOptions?.setOption(.autoRead, value: true)
        channel.read()
    }

    /// The handler failed: close the connection so that the broker redelivers what was not acknowledged.
    func dropConnectionForRedelivery() {
        eventLoop.assertInEventLoop()
        guard machine.isConnected, let channel else { return }
        channel.close(promise: nil)
    }

    func publish(topicName: String, payload: ByteBuffer, qos: MQTTQoS, retain: Bool) -> EventLoopFuture<Void> {
        eventLoop.assertInEventLoop()
        guard !finished else {
            return eventLoop.makeFailedFuture(
                MQTTError(.connectionLost, "expected a running client to publish, found it stopped"))
        }
        do {
            let (identifier, actions) = try machine.publish(
                topicName: topicName, payload: payload, qos: qos, retain: retain)
            guard let identifier else {
                perform(actions)
                return eventLoop.makeSucceededVoidFuture()
            }
            let promise = eventLoop.makePromise(of: Void.self)
            publishWaiters[identifier] = promise
            perform(actions)
            return promise.futureResult
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    // MARK: Channel events (from MQTTChannelHandler)

    func channelActive(attempt: Int, channel: any Channel) {
        eventLoop.assertInEventLoop()
        guard attempt == self.attempt, !finished else {
            channel.close(promise: nil)
            return
        }
        self.channel = channel
        pipelineError = nil
        perform(machine.channelActive())
    }

    func packetReceived(attempt: Int, _ packet: MQTTPacket) {
        eventLoop.assertInEventLoop()
        guard attempt == self.attempt else { return }
        perform(machine.packetReceived(packet))
    }

    func pipelineFailed(attempt: Int, _ error: MQTTError) {
        eventLoop.assertInEventLoop()
        guard attempt == self.attempt else { return }
        pipelineError = pipelineError ?? error
    }

    func channelInactive(attempt: Int) {
        eventLoop.assertInEventLoop()
        guard attempt == self.attempt, channel != nil else { return }
        connectionEnded()
    }

    // MARK: Performing actions

    /// Performs actions in order; actions produced while performing (a close that reports at once) are queued.
    private func perform(_ actions: [MQTTClientStateMachine.Action]) {
        queuedActions += actions
        guard !performing else { return }
        performing = true
        while !queuedActions.isEmpty {
            let action = queuedActions.removeFirst()
            perform(action)
        }
        performing = false
        if machine.isStopped { finish() }
    }

    private func perform(_ action: MQTTClientStateMachine.Action) {
        switch action {
        case .openConnection:
            openConnection()
        case .send(let packet):
            channel?.writeAndFlush(packet, promise: nil)
        case .deliver(let message):
            deliver(message)
        case .scheduleKeepAlive(let delay):
            keepAliveTask?.cancel()
            let attempt = self.attempt
            keepAliveTask = eventLoop.scheduleTask(in: TimeAmount(delay)) { [self] in
                guard attempt == self.attempt else { return }
                perform(machine.keepAliveTimerFired())
            }
        case .scheduleReconnect(let delay):
            reconnectTask?.cancel()
            reconnectTask = eventLoop.scheduleTask(in: TimeAmount(delay)) { [self] in
                reconnectTask = nil
                perform(machine.reconnectTimerFired())
            }
        case .closeConnection(let error):
            keepAliveTask?.cancel()
            keepAliveTask = nil
            if let error {
                logger.info("MQTT connection closing", metadata: ["error.code": "\(error.code)"])
            }
            channel?.close(promise: nil)
        case .reportConnected(let sessionPresent):
            logger.info("MQTT connected", metadata: ["session_present": "\(sessionPresent)"])
            events.send(.connected(sessionPresent: sessionPresent))
        case .reportSubscribed:
            logger.debug("MQTT subscriptions granted")
            events.send(.subscribed)
        case .reportPublished(let identifier):
            publishWaiters.removeValue(forKey: identifier)?.succeed()
        case .reportDisconnected(let reason):
            let reason = reason.map { pipelineError ?? $0 }
            if let reason {
                logger.warning("MQTT disconnected, reconnecting", metadata: ["error.code": "\(reason.code)"])
            } else {
                logger.info("MQTT disconnected")
            }
            events.send(.disconnected(reason))
        }
    }

    private func openConnection() {
        attempt += 1
        let attempt = self.attempt
        let maximumPacketSize = configuration.session.maximumPacketSize
        ClientBootstrap(group: eventLoop)
            .connectTimeout(TimeAmount(configuration.connectTimeout))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(MQTTPacketDecoder(maximumPacketSize: maximumPacketSize)),
                        MessageToByteHandler(MQTTPacketEncoder()),
                        MQTTChannelHandler(driver: self, attempt: attempt),
                    ])
                }
            }
            .connect(host: configuration.host, port: configuration.port)
            .whenFailure { [self] error in
                guard attempt == self.attempt, channel == nil else { return }
                logger.info("MQTT connection attempt failed", metadata: ["error.type": "\(type(of: error))"])
                connectionEnded()
            }
    }

    /// The current connection ended, or could not be opened.
    private func connectionEnded() {
        channel = nil
        readingPaused = false
        keepAliveTask?.cancel()
        keepAliveTask = nil
        perform(machine.connectionClosed())
        pipelineError = nil
    }

    /// Hands a message to the application. Flow control: once ``MQTTClient/Configuration/deliveryBufferSize``
    /// messages wait for the handler, the client stops reading from the socket (TCP and the broker then hold the
    /// rest back) until the handler is down to half. A broker may send far more unacknowledged QoS 1 messages than
    /// its in-flight setting suggests, and the messages of the read in progress are still delivered, so the queue
    /// can exceed the size by one socket read; nothing is dropped.
    private func deliver(_ message: MQTTMessage) {
        guard let deliveries else { return }
        deliveries.yield(message)
        awaitingHandler += 1
        if !readingPaused, awaitingHandler >= configuration.deliveryBufferSize, let channel {
            readingPaused = true
            try? channel.syncOptions?.setOption(.autoRead, value: false)
        }
    }

    /// The client stopped: end the message and event streams and fail publications still waiting.
    private func finish() {
        guard !finished else { return }
        finished = true
        running = false
        keepAliveTask?.cancel()
        reconnectTask?.cancel()
        deliveries?.finish()
        deliveries = nil
        let waiters = publishWaiters
        publishWaiters = [:]
        for waiter in waiters.values {
            waiter.fail(MQTTError(.connectionLost, "expected a PUBACK, found the client stopped"))
        }
        events.finish()
        stoppedPromise.succeed()
    }
}
