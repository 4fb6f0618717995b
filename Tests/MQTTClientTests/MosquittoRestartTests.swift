import MQTT
import MQTTClient
import NIOCore
import Testing
import TestSupport

extension MosquittoTests {
    /// Issue 6: restart Mosquitto (SIGTERM, then start on the same port and persistence directory) while a device
    /// publishes with QoS 1; after reconnection no reading is lost or counted twice.
    ///
    /// `pacedDevice: true`: the device publishes a reading every 5 ms and the broker is killed once a third of them
    /// were acknowledged to it, so the device has readings in flight (it resends them). `false`: the device
    /// publishes as fast as the broker acknowledges, the slower store falls behind, and the broker is killed once a
    /// third are stored, so the subscriber holds received-but-unacknowledged readings (the broker redelivers them).
    @Test(arguments: [true, false])
    func brokerRestartWhileDevicesPublishLosesNothingAndCountsNothingTwice(pacedDevice: Bool) async throws {
        let broker = try MosquittoBroker()
        let store = ReadingStore()
        let subscriber = try MQTTClient(
            configuration: clientConfiguration(broker, clientIdentifier: "ingest-restart"), logger: testLogger
        ) { message in
            try await Task.sleep(for: .milliseconds(2))  // a store that takes time: messages are in flight
            store.store(message)
        }
        let subscriberEvents = EventRecorder(subscriber)
        let runningSubscriber = RunningClient(subscriber)
        #expect(await waitUntil(timeout: .seconds(60)) { subscriberEvents.count(where: isSubscribed) == 1 })

        let device = try MQTTClient(
            configuration: clientConfiguration(broker, clientIdentifier: "device-restart", subscribe: false),
            logger: testLogger)
        let deviceEvents = EventRecorder(device)
        let runningDevice = RunningClient(device)
        #expect(await waitUntil(timeout: .seconds(60)) { deviceEvents.count(where: isConnected) == 1 })

        let total = 600
        let acknowledged = Counter()
        let publishing = Task {
            // Up to ten readings in flight, each awaited until the broker's PUBACK.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for number in 1...total {
                    if number > 10 { try await group.next() }
                    if pacedDevice { try await Task.sleep(for: .milliseconds(5)) }
                    group.addTask {
                        try await device.publish(
                            topic: "dvc/v1/devices/device-restart/telemetry",
                            payload: ByteBuffer(string: "device-restart:\(number)"), qos: .atLeastOnce)
                        acknowledged.increment()
                    }
                }
                try await group.waitForAll()
            }
        }

        #expect(
            await waitUntil(timeout: .seconds(120)) {
                (pacedDevice ? acknowledged.current : store.snapshot.counts.count) >= total / 3
            })
        let storedBeforeRestart = store.snapshot.counts.count
        let acknowledgedBeforeRestart = acknowledged.current
        broker.stop()  // SIGTERM mid-way
        try await Task.sleep(for: .milliseconds(300))
        try broker.start()

        try await publishing.value
        #expect(await waitUntil(timeout: .seconds(120)) { store.snapshot.counts.count == total })
        try await Task.sleep(for: .seconds(1))  // late redeliveries would arrive now

        let state = store.snapshot
        let lost = Set(1...total).subtracting(state.counts.keys)
        let deliveredTwice = state.counts.values.filter { $0 > 1 }.reduce(0) { $0 + $1 - 1 }
        let againWithoutDup = state.log.filter { !$0.dup }.count - state.counts.count
        let storedTwice = state.counts.count - Set(state.counts.keys).count
        print(
            """
            broker restart (\(pacedDevice ? "paced device" : "store behind")): \(total) readings published with QoS 1; restart after \(storedBeforeRestart) stored and \
            \(acknowledgedBeforeRestart) acknowledged to the device; \(state.deliveries) deliveries, \
            \(state.withDupFlag) with DUP set, \(deliveredTwice) redelivered (same number again; \(againWithoutDup) of \
            them without DUP, i.e. resent by the device), \
            lost \(lost.count), duplicates counted \(storedTwice); subscriber connections \
            \(subscriberEvents.count(where: isConnected)), device connections \(deviceEvents.count(where: isConnected))
            """)
        #expect(lost.isEmpty)
        #expect(state.counts.count == total)
        #expect(storedTwice == 0)
        #expect(state.unparsable == 0)
        #expect(state.deliveries == total + deliveredTwice)
        // Both clients really reconnected, and the broker kept the subscriber's session.
        #expect(subscriberEvents.all.contains(.connected(sessionPresent: true)))
        #expect(subscriberEvents.count(where: isConnected) >= 2)
        #expect(deviceEvents.count(where: isConnected) >= 2)

        try await runningDevice.stop()
        try await runningSubscriber.stop()
    }
}
