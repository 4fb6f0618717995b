import MQTT
import MQTTClient
import NIOCore
import Synchronization
import Testing
import TestSupport

/// `handlerConcurrency` above 1 against a real Mosquitto: topics overlap, each topic stays in order and one at a
/// time, every message arrives once, and the acknowledgements keep the session (no redelivery, no reconnection).
@Suite("MQTT client: concurrent handlers", .serialized)
struct ConcurrentHandlerTests {
    /// What the handler saw: per topic the payload numbers in handling order, and in-flight counts.
    final class Recorder: Sendable {
        struct State {
            var order: [String: [Int]] = [:]
            var inFlight: [String: Int] = [:]
            var total = 0
            var maxTotal = 0
            var maxPerTopic = 0
            var dupFlags = 0
        }
        let state = Mutex(State())

        func begin(_ message: MQTTMessage) {
            state.withLock { state in
                state.inFlight[message.topicName, default: 0] += 1
                state.total += 1
                state.maxTotal = max(state.maxTotal, state.total)
                state.maxPerTopic = max(state.maxPerTopic, state.inFlight[message.topicName] ?? 0)
                if message.isDuplicate { state.dupFlags += 1 }
            }
        }

        func end(_ message: MQTTMessage) {
            let number = Int(String(buffer: message.payload).split(separator: ":").last ?? "") ?? -1
            state.withLock { state in
                state.inFlight[message.topicName, default: 0] -= 1
                state.total -= 1
                state.order[message.topicName, default: []].append(number)
            }
        }

        var snapshot: State { state.withLock { $0 } }
    }

    @Test func topicsOverlapButEachTopicIsHandledInOrderOneAtATime() async throws {
        let broker = try MosquittoBroker()
        let recorder = Recorder()
        var configuration = clientConfiguration(broker, clientIdentifier: "ingest-lanes")
        configuration.handlerConcurrency = 8
        let client = try MQTTClient(configuration: configuration, logger: testLogger) { message in
            recorder.begin(message)
            if String(buffer: message.payload) == "lane-1:1" {
                // Hold the first topic's lane until another topic's message is being handled (the other lanes keep
                // going); a single lane would wait here the full 20 s.
                _ = await waitUntil(timeout: .seconds(20)) { recorder.snapshot.maxTotal > 1 }
            }
            try await Task.sleep(for: .milliseconds(1))
            recorder.end(message)
        }
        let events = EventRecorder(client)
        let running = RunningClient(client)
        #expect(await waitUntil(timeout: .seconds(60)) { events.count(where: isSubscribed) == 1 })

        let devices = (1...4).map { "lane-\($0)" }
        let perDevice = 60
        // Interleaved (lane-1:1, lane-2:1, …): the broker holds back what exceeds its in-flight window, and the
        // PUBACKs leave in arrival order, so a topic published after the first one's window would wait for it.
        let publisher = try MQTTClient(
            configuration: clientConfiguration(broker, clientIdentifier: "lanes-publisher", subscribe: false),
            logger: testLogger)
        let runningPublisher = RunningClient(publisher)
        for number in 1...perDevice {
            for device in devices {
                try await publisher.publish(
                    topic: "dvc/v1/devices/\(device)/telemetry", payload: ByteBuffer(string: "\(device):\(number)"),
                    qos: .atLeastOnce)
            }
        }
        try await runningPublisher.stop()
        let expected = devices.count * perDevice
        #expect(await waitUntil(timeout: .seconds(120)) { recorder.snapshot.order.values.map(\.count).reduce(0, +) == expected })
        try await Task.sleep(for: .milliseconds(500))  // a redelivery would arrive now

        let state = recorder.snapshot
        for device in devices {
            #expect(state.order["dvc/v1/devices/\(device)/telemetry"] == Array(1...perDevice), "order of \(device)")
        }
        #expect(state.maxPerTopic == 1)
        #expect(state.maxTotal > 1, "topics overlap with 8 lanes")
        #expect(state.dupFlags == 0)
        #expect(events.count(where: isConnected) == 1, "no reconnection: \(events.all)")
        try await running.stop()
    }

    @Test(arguments: [0, 257]) func aConcurrencyOutsideItsRangeIsRefused(value: Int) throws {
        var configuration = MQTTClient.Configuration(
            host: "127.0.0.1", session: MQTTClientConfiguration(clientIdentifier: "ingest-range"))
        configuration.handlerConcurrency = value
        do {
            #expect(throws: MQTTError(.invalidConfiguration, "")) { try configuration.validate() }
        }
        configuration.handlerConcurrency = 256
        try configuration.validate()
    }
}
