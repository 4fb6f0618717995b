import CodedErrors
import Logging
import MQTT
import NIOCore
import NIOPosix
import ServiceLifecycle

/// An MQTT 3.1.1 client over SwiftNIO that drives ``MQTT/MQTTClientStateMachine`` and hands messages to the
/// application.
///
/// ```swift
/// let client = try MQTTClient(configuration: configuration, logger: logger) { message in
///     try await store.insertIdempotently(message.payload)   // PUBACK goes out after this returns
/// }
/// try await ServiceGroup(services: [client], logger: logger).run()
/// ```
///
/// ``run()`` connects, subscribes, keeps the connection alive and reconnects with backoff until the task is
/// cancelled or a graceful shutdown is triggered; then it sends DISCONNECT, closes and returns.
///
/// **Delivery.** Messages are passed to the handler one at a time, in arrival order (or, with
/// ``Configuration/handlerConcurrency`` above 1, one at a time per topic name). When the handler returns, the
/// client acknowledges the message (PUBACK for QoS 1, sent in arrival order): return only once the message is
/// durably stored. When the
/// handler throws, the message is not acknowledged and the client drops the connection, so that the broker (which
/// keeps the persistent session) delivers it again, with DUP set, after the reconnection (with backoff). Messages
/// already received behind it are redelivered too. Delivery is therefore at least once: the handler must store
/// idempotently, on an identity inside the payload. A message that can never be stored (a malformed reading) should
/// be recorded as rejected and the handler should return, not throw, or it comes back forever.
///
/// **Publishing.** ``publish(topic:payload:qos:retain:)`` sends a message: QoS 1 returns after the broker's
/// PUBACK and survives reconnections (sent again with DUP set); QoS 0 is sent once and can be lost.
public final class MQTTClient: Sendable, Service {
    /// Receives each message; return once it is durably stored, throw to have it delivered again.
    public typealias MessageHandler = @Sendable (MQTTMessage) async throws -> Void

    /// The settings the client was created with.
    public let configuration: Configuration
    let driver: MQTTConnectionDriver
    let handler: MessageHandler
    let logger: Logger

    /// A client; call ``run()`` to connect. Throws `MQTT_INVALID_CONFIGURATION` for settings the broker or the
    /// encoder would refuse.
    public init(
        configuration: Configuration, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "opendvc.mqtt"), handler: @escaping MessageHandler = { _ in }
    ) throws(MQTTError) {
        try configuration.validate()
        self.configuration = configuration
        self.handler = handler
        self.logger = logger
        self.driver = MQTTConnectionDriver(
            configuration: configuration, eventLoop: eventLoopGroup.any(), logger: logger)
    }

    /// Connects and keeps the client connected until cancelled or shut down gracefully; then disconnects
    /// (DISCONNECT, close) and returns. Call it once; a second call throws `MQTT_INVALID_CONFIGURATION`.
    public func run() async throws {
        let (messages, continuation) = AsyncStream.makeStream(
            of: MQTTMessage.self, bufferingPolicy: .unbounded)
        let driver = self.driver
        try await driver.eventLoop.submit { try driver.start(deliveries: continuation) }.get()
        await withTaskCancellationOrGracefulShutdownHandler {
            await self.dispatch(messages)
        } onCancelOrGracefulShutdown: {
            driver.eventLoop.execute { driver.stop() }
        }
        // The loop also ends when the task is cancelled; wait until the connection is closed.
        driver.eventLoop.execute { driver.stop() }
        try? await driver.stopped.get()
    }

    /// Stops the client as a graceful shutdown would: DISCONNECT, close; ``run()`` then returns.
    public func shutdown() {
        let driver = self.driver
        driver.eventLoop.execute { driver.stop() }
    }

    /// Publishes a message on a topic name (no wildcards).
    ///
    /// QoS 1 returns once the broker acknowledged it (PUBACK). Before the first connection (also before ``run()``
    /// starts), or while reconnecting, it waits and is sent after the next accepted connection; a message sent on a connection that was lost is
    /// sent again with DUP set, so the broker may receive it twice. Cancelling the caller does not withdraw it.
    /// QoS 0 is written once and forgotten; without an accepted connection it throws `MQTT_CONNECTION_LOST`.
    /// Also throws `MQTT_INVALID_TOPIC`, `MQTT_PUBLISH_QUEUE_FULL`, and `MQTT_CONNECTION_LOST` when the client has
    /// stopped, or stops before the PUBACK.
    public func publish(topic: String, payload: ByteBuffer, qos: MQTTQoS, retain: Bool = false) async throws {
        let driver = self.driver
        try await driver.eventLoop.flatSubmit {
            driver.publish(topicName: topic, payload: payload, qos: qos, retain: retain)
        }.get()
    }

    /// A stream of connection events (connected, subscribed, disconnected), from now until the client stops.
    public func events() -> AsyncStream<Event> {
        driver.events.subscribe()
    }

    /// Hands the messages to the handler: in arrival order, or spread over ``Configuration/handlerConcurrency``
    /// lanes by topic name (one lane keeps the order of its topics). Returns when the stream ends and every lane
    /// is done.
    private func dispatch(_ messages: AsyncStream<MQTTMessage>) async {
        let laneCount = configuration.handlerConcurrency
        guard laneCount > 1 else {
            for await message in messages { await handle(message) }
            return
        }
        await withTaskGroup(of: Void.self) { group in
            var lanes: [AsyncStream<MQTTMessage>.Continuation] = []
            for _ in 0..<laneCount {
                let (lane, continuation) = AsyncStream.makeStream(of: MQTTMessage.self, bufferingPolicy: .unbounded)
                lanes.append(continuation)
                group.addTask {
                    for await message in lane { await self.handle(message) }
                }
            }
            for await message in messages {
                lanes[Self.lane(of: message.topicName, among: laneCount)].yield(message)
            }
            for lane in lanes { lane.finish() }
        }
    }

    /// The lane of a topic name: FNV-1a of its bytes, so that one topic always lands on the same lane.
    static func lane(of topicName: String, among laneCount: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in topicName.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return Int(hash % UInt64(laneCount))
    }

    /// Hands one message to the application and acknowledges it when the handler returns.
    private func handle(_ message: MQTTMessage) async {
        let driver = self.driver
        defer { driver.eventLoop.execute { driver.messageHandled() } }
        do {
            try await handler(message)
        } catch {
            let code = (error as? any CodedError)?.code ?? "UNCODED"
            logger.warning(
                "MQTT message handler failed; message not acknowledged, reconnecting for redelivery",
                metadata: ["error.code": "\(code)"])
            if message.acknowledgement != nil {
                driver.eventLoop.execute { driver.dropConnectionForRedelivery() }
            }
            return
        }
        guard let token = message.acknowledgement else { return }
        driver.eventLoop.execute { driver.messageStored(token) }
    }
}
