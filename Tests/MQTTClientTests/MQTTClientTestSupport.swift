import Logging
import MQTT
import MQTTClient
import NIOCore
import Synchronization
import Testing
import TestSupport

let telemetryFilter = try! MQTTTopicFilter("dvc/v1/devices/+/telemetry")

let testLogger: Logger = {
    var logger = Logger(label: "mqtt-client-tests")
    logger.logLevel = .warning
    return logger
}()

/// A client configuration for the test broker: persistent session, fast reconnection.
func clientConfiguration(
    _ broker: MosquittoBroker, clientIdentifier: String, password: String = MosquittoBroker.password,
    keepAlive: UInt16 = 30, subscribe: Bool = true
) -> MQTTClient.Configuration {
    MQTTClient.Configuration(
        host: "127.0.0.1", port: broker.port,
        session: MQTTClientConfiguration(
            clientIdentifier: clientIdentifier,
            credentials: MQTTCredentials(username: MosquittoBroker.username, password: password),
            cleanSession: false, keepAliveSeconds: keepAlive,
            subscriptions: subscribe ? [MQTTSubscription(topicFilter: telemetryFilter, qos: .atLeastOnce)] : [],
            reconnectBackoff: MQTTReconnectBackoff(
                initialDelay: .milliseconds(100), maximumDelay: .seconds(1), multiplier: 2)),
        connectTimeout: .seconds(2))
}

/// The application's store in these tests: keyed by the reading number in the payload, so a redelivered reading
/// is stored once (as the real ingest does by device and sequence number), and every delivery is counted.
final class ReadingStore: Sendable {
    struct State {
        var counts: [Int: Int] = [:]
        var deliveries = 0
        var withDupFlag = 0
        var unparsable = 0
        /// Every delivery: number and DUP flag.
        var log: [(number: Int, dup: Bool)] = []
    }

    let state = Mutex(State())

    func store(_ message: MQTTMessage) {
        let number = Int(String(buffer: message.payload).split(separator: ":").last.map(String.init) ?? "")
        state.withLock { state in
            state.deliveries += 1
            if message.isDuplicate { state.withDupFlag += 1 }
            guard let number else {
                state.unparsable += 1
                return
            }
            state.counts[number, default: 0] += 1
            state.log.append((number, message.isDuplicate))
        }
    }

    var snapshot: State { state.withLock { $0 } }
}

/// Records a client's events in the background.
final class EventRecorder: Sendable {
    let events = Mutex<[MQTTClient.Event]>([])

    init(_ client: MQTTClient) {
        let stream = client.events()
        Task { [self] in
            for await event in stream { self.events.withLock { $0.append(event) } }
        }
    }

    var all: [MQTTClient.Event] { events.withLock { $0 } }

    func count(where predicate: (MQTTClient.Event) -> Bool) -> Int { all.filter(predicate).count }
}

/// Polls `condition` every 20 ms until it holds or `timeout` passes; returns whether it held. Timeouts are generous:
/// in CI the whole suite runs in parallel on 2 cores, and a broker or a connection can take many seconds to come up.
func waitUntil(timeout: Duration, _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return condition()
}

/// Runs `client` in a task; `stop` shuts it down and waits for `run()` to return.
struct RunningClient {
    let client: MQTTClient
    let task: Task<Void, any Error>

    init(_ client: MQTTClient) {
        self.client = client
        self.task = Task { try await client.run() }
    }

    func stop() async throws {
        client.shutdown()
        try await task.value
    }
}

func isSubscribed(_ event: MQTTClient.Event) -> Bool { event == .subscribed }

func isConnected(_ event: MQTTClient.Event) -> Bool {
    if case .connected = event { return true }
    return false
}

/// A counter shared between tasks.
final class Counter: Sendable {
    private let value = Mutex(0)

    func increment() { value.withLock { $0 += 1 } }

    var current: Int { value.withLock { $0 } }
}
