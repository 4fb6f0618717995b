import MQTT
import MQTTClient
import NIOCore
import Testing
import TestSupport

/// The client against a real Mosquitto broker (Debian `mosquitto`), one broker per test. Serialized: the restart
/// and keep-alive tests measure timing on a small machine.
@Suite("MQTT client against Mosquitto", .serialized)
struct MosquittoTests {
    @Test func deliversEveryQoS1MessageExactlyOnceAndAcknowledgesIt() async throws {
        let broker = try MosquittoBroker()
        let store = ReadingStore()
        let client = try MQTTClient(
            configuration: clientConfiguration(broker, clientIdentifier: "ingest-deliver"), logger: testLogger
        ) { message in store.store(message) }
        let events = EventRecorder(client)
        let running = RunningClient(client)
        #expect(await waitUntil(timeout: .seconds(60)) { events.count(where: isSubscribed) == 1 })

        let count = 200
        try broker.publishWithMosquittoPub(
            topic: "dvc/v1/devices/fridge-7/telemetry", qos: 1, lines: (1...count).map { "fridge-7:\($0)" })
        #expect(await waitUntil(timeout: .seconds(90)) { store.snapshot.counts.count == count })
        try await Task.sleep(for: .milliseconds(500))  // anything extra would arrive now

        let state = store.snapshot
        #expect(Set(state.counts.keys) == Set(1...count))
        #expect(state.counts.values.allSatisfy { $0 == 1 })
        #expect(state.deliveries == count)
        #expect(state.withDupFlag == 0)
        #expect(events.all == [.connected(sessionPresent: false), .subscribed])
        try await running.stop()
        // The recorder reads the event stream in its own task, so the last event may arrive just after run() returned.
        #expect(await waitUntil(timeout: .seconds(10)) { events.all.last == .disconnected(nil) })
    }

    /// Mosquitto sends a slow subscriber far more unacknowledged QoS 1 messages than its in-flight limit: the
    /// client must stop reading instead of overflowing its delivery buffer (which would drop messages and force a
    /// reconnection for their redelivery).
    @Test func aSlowHandlerGetsEveryMessageWithoutOverflowingItsBuffer() async throws {
        let broker = try MosquittoBroker()
        let store = ReadingStore()
        var configuration = clientConfiguration(broker, clientIdentifier: "ingest-slow")
        configuration.deliveryBufferSize = 8
        let client = try MQTTClient(configuration: configuration, logger: testLogger) { message in
            try await Task.sleep(for: .milliseconds(2))
            store.store(message)
        }
        let events = EventRecorder(client)
        let running = RunningClient(client)
        #expect(await waitUntil(timeout: .seconds(60)) { events.count(where: isSubscribed) == 1 })

        let count = 400
        try broker.publishWithMosquittoPub(
            topic: "dvc/v1/devices/fridge-8/telemetry", qos: 1, lines: (1...count).map { "fridge-8:\($0)" })
        #expect(await waitUntil(timeout: .seconds(120)) { store.snapshot.counts.count == count })
        let state = store.snapshot
        #expect(state.counts.values.allSatisfy { $0 == 1 })
        #expect(events.count(where: isConnected) == 1, "no reconnection: \(events.all)")
        try await running.stop()
    }

    @Test func publishesWithQoS1AndQoS0ToAnotherClient() async throws {
        let broker = try MosquittoBroker()
        let store = ReadingStore()
        let subscriber = try MQTTClient(
            configuration: clientConfiguration(broker, clientIdentifier: "ingest-pub"), logger: testLogger
        ) { message in store.store(message) }
        let subscriberEvents = EventRecorder(subscriber)
        let runningSubscriber = RunningClient(subscriber)
        #expect(await waitUntil(timeout: .seconds(60)) { subscriberEvents.count(where: isSubscribed) == 1 })

        let device = try MQTTClient(
            configuration: clientConfiguration(broker, clientIdentifier: "device-pub", subscribe: false),
            logger: testLogger)
        let runningDevice = RunningClient(device)
        let topic = "dvc/v1/devices/device-pub/telemetry"
        for number in 1...50 {
            try await device.publish(topic: topic, payload: ByteBuffer(string: "d:\(number)"), qos: .atLeastOnce)
        }
        try await device.publish(topic: topic, payload: ByteBuffer(string: "d:51"), qos: .atMostOnce)
        await #expect(throws: MQTTError(.invalidTopic, "")) {
            try await device.publish(topic: "dvc/v1/devices/+/telemetry", payload: ByteBuffer(), qos: .atLeastOnce)
        }
        #expect(await waitUntil(timeout: .seconds(60)) { store.snapshot.counts.count == 51 })
        #expect(Set(store.snapshot.counts.keys) == Set(1...51))
        try await runningDevice.stop()
        await #expect(throws: MQTTError(.connectionLost, "")) {
            try await device.publish(topic: topic, payload: ByteBuffer(), qos: .atLeastOnce)
        }
        try await runningSubscriber.stop()
    }

    @Test func wrongPasswordIsReportedAsConnectionRefused() async throws {
        let broker = try MosquittoBroker()
        let client = try MQTTClient(
            configuration: clientConfiguration(broker, clientIdentifier: "ingest-wrong", password: "wrong"),
            logger: testLogger)
        let events = EventRecorder(client)
        let running = RunningClient(client)
        #expect(await waitUntil(timeout: .seconds(60)) { !events.all.isEmpty })
        let first = try #require(events.all.first)
        guard case .disconnected(let error?) = first else {
            Issue.record("expected a refused connection first, found \(first)")
            return
        }
        #expect(error.errorCode == .connectionRefused)
        #expect(events.count(where: isConnected) == 0)
        try await running.stop()
    }

    @Test func keepAlivePingsHoldAnIdleConnection() async throws {
        let broker = try MosquittoBroker(logEverything: true)
        let store = ReadingStore()
        let client = try MQTTClient(
            configuration: clientConfiguration(broker, clientIdentifier: "ingest-idle", keepAlive: 4),
            logger: testLogger
        ) { message in store.store(message) }
        let events = EventRecorder(client)
        let running = RunningClient(client)
        #expect(await waitUntil(timeout: .seconds(60)) { events.count(where: isSubscribed) == 1 })

        // Mosquitto drops a client silent for 1.5 × keep-alive (6 s); 11 s of no traffic must not end it. (4 s rather
        // than 2 s: a 1 s margin was too thin for a loaded CI machine.)
        try await Task.sleep(for: .seconds(11))
        #expect(events.all == [.connected(sessionPresent: false), .subscribed])
        let log = broker.log()
        let pings = log.components(separatedBy: "Received PINGREQ from ingest-idle").count - 1
        let pongs = log.components(separatedBy: "Sending PINGRESP to ingest-idle").count - 1
        print("keep-alive 4 s, 11 s idle: \(pings) PINGREQ received by Mosquitto, \(pongs) PINGRESP sent")
        #expect(pings >= 2)
        #expect(pongs >= 2)
        try broker.publishWithMosquittoPub(topic: "dvc/v1/devices/x/telemetry", qos: 1, lines: ["x:1"])
        #expect(await waitUntil(timeout: .seconds(120)) { store.snapshot.counts[1] == 1 })
        try await running.stop()
    }
}

extension MosquittoTests {
    /// A handler that throws leaves the message unacknowledged; the client reconnects and the broker delivers it
    /// again (DUP set), so the store ends with every message exactly once.
    @Test func throwingHandlerGetsTheMessageAgainAfterReconnection() async throws {
        struct StoreDown: Error {}
        let broker = try MosquittoBroker()
        let store = ReadingStore()
        let failures = Counter()
        let client = try MQTTClient(
            configuration: clientConfiguration(broker, clientIdentifier: "ingest-throws"), logger: testLogger
        ) { message in
            if String(buffer: message.payload) == "t:3", failures.current < 2 {
                failures.increment()
                throw StoreDown()
            }
            store.store(message)
        }
        let events = EventRecorder(client)
        let running = RunningClient(client)
        #expect(await waitUntil(timeout: .seconds(60)) { events.count(where: isSubscribed) == 1 })
        try broker.publishWithMosquittoPub(
            topic: "dvc/v1/devices/t/telemetry", qos: 1, lines: (1...10).map { "t:\($0)" })
        #expect(await waitUntil(timeout: .seconds(90)) { store.snapshot.counts.count == 10 })
        let state = store.snapshot
        #expect(Set(state.counts.keys) == Set(1...10))
        #expect(failures.current == 2)
        #expect(state.withDupFlag >= 1)  // message 3 came back with DUP set
        #expect(events.count(where: isConnected) == 3)  // the first connection and one per failure
        try await running.stop()
    }
}
