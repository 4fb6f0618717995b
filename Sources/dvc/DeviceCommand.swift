import ArgumentParser
import Crypto
import Foundation
import JSON
import MQTT
import MQTTClient
import NIOCore
import Telemetry

/// `dvc device simulate`: simulated loggers and trackers with their own keys, for demos and load tests.
struct DeviceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "device", abstract: "Simulated IoT devices (temperature loggers and shipment trackers).",
        subcommands: [Simulate.self])

    struct Simulate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run N simulated loggers and M trackers that sign telemetry batches and send them over HTTP or MQTT.",
            discussion: """
                Each device gets a new P-256 key; with --token (an admin's) the devices are registered and placed at \
                --location first. Readings are taken every --interval seconds from --start (by default so that the \
                last reading is now), around +5 C, with the scripted --excursion on the devices --excursion-devices \
                names. Batches are signed before sending starts, so the rate printed is the server's ingest rate \
                (over MQTT, with --token, measured from the server's metrics until every reading is counted).
                """)

        @Option(help: ArgumentHelp("The server's base URL.", valueName: "URL"))
        var server: String = "http://127.0.0.1:8080"

        @Option(help: ArgumentHelp("An admin's bearer token (or DVC_TOKEN): registers and places the devices.", valueName: "TOKEN"))
        var token: String?

        @Option(help: "Number of temperature loggers.")
        var loggers: Int = 3

        @Option(help: "Number of trackers (temperature and positions).")
        var trackers: Int = 0

        @Option(help: "Device id prefix: ids are PREFIX-logger-1, PREFIX-tracker-1, ...")
        var prefix: String = "sim"

        @Option(help: ArgumentHelp("Where the devices are (an SGLN, GIAI or SSCC as EPC URN or Digital Link).", valueName: "LOCATION"))
        var location: String?

        @Option(help: "http (POST /api/v1/telemetry) or mqtt (dvc/v1/devices/{id}/telemetry, QoS 1).")
        var transport: String = "http"

        @OptionGroup var broker: MQTTOptions

        @Option(help: "Batches per device.")
        var batches: Int = 12

        @Option(help: "Readings per batch.")
        var readingsPerBatch: Int = 12

        @Option(help: "Seconds between readings.")
        var interval: Int = 300

        @Option(help: ArgumentHelp("Time of the first reading (RFC 3339); default: the last reading is now.", valueName: "TIME"))
        var start: String?

        @Option(
            name: .customLong("excursion"),
            help: ArgumentHelp("A scripted excursion, heat@OFFSET+MINUTES[=CELSIUS] or freeze@OFFSET+MINUTES[=CELSIUS] (minutes from the start); repeatable.", valueName: "SPEC"))
        var excursions: [String] = []

        @Option(help: "Comma list of device numbers (1-based over loggers, then trackers) that have the excursions; default all.")
        var excursionDevices: String?

        @Option(help: "Concurrent connections (HTTP) or publishing tasks (MQTT); each device stays on one, in order.")
        var connections: Int = 16

        @Option(help: "The first sequence number of every device.")
        var firstSequence: UInt64 = 1

        func run() async throws {
            let count = loggers + trackers
            guard count >= 1, count <= 100_000, loggers >= 0, trackers >= 0, batches >= 1, readingsPerBatch >= 1,
                readingsPerBatch <= 10_000, interval >= 1, (1...1_024).contains(connections), ["http", "mqtt"].contains(transport)
            else {
                throw CommandError.usage(
                    "expected 1 to 100000 devices, --batches and --interval >= 1, --readings-per-batch 1 to 10000, --connections 1 to 1024, --transport http or mqtt")
            }
            let script = try makeScript()
            let devices = try makeDevices(script: script)
            let token = token ?? ProcessInfo.processInfo.environment["DVC_TOKEN"]
            if let token {
                try await register(devices, token: token, since: Date(timeIntervalSince1970: Double(script.start) / 1000))
            }
            let signed = try devices.map { try $0.signedBatches(script: script) }
            let readings = devices.count * batches * readingsPerBatch
            OutputWriter.write(
                "Simulating \(loggers) loggers and \(trackers) trackers: \(signed.count * batches) signed batches, \(readings) readings, over \(transport)\n")
            let sender = SimulationSender(server: server, connections: connections)
            let clock = ContinuousClock()
            let began = clock.now
            let tally: SimulationTally
            if transport == "http" {
                tally = try await sender.postHTTP(signed)
            } else {
                guard let configuration = try broker.configuration(defaultClientID: "dvc-sim-\(UUID().uuidString.prefix(8))", subscribe: false) else {
                    throw CommandError.usage("expected --mqtt URL with --transport mqtt, found none")
                }
                var before: Int?
                if let token { before = try await SimulationSender.countedReadings(server: server, token: token) }
                tally = try await sender.publishMQTT(signed, configuration: configuration, deviceIDs: devices.map(\.id))
                if let token, let before {
                    let published = clock.now - began
                    OutputWriter.write(
                        "All \(tally.sent) batches published in \(String(format: "%.2f", SimulationTally.seconds(published))) s; waiting for the server to count them\n")
                    let counted = try await SimulationSender.waitForReadings(server: server, token: token, target: before + readings)
                    tally.report(readings: counted - before, elapsed: clock.now - began, label: "ingested over MQTT")
                    return
                }
            }
            tally.report(readings: tally.storedReadings, elapsed: clock.now - began, label: "stored over \(transport)")
        }

        func makeScript() throws -> SimulationScript {
            let total = Int64(batches) * Int64(readingsPerBatch) * Int64(interval) * 1000
            var first = Int64(Date().timeIntervalSince1970 * 1000) - total + Int64(interval) * 1000
            if let start {
                guard let date = ISO8601DateFormatter().date(from: start) else {
                    throw CommandError.usage("expected --start as an RFC 3339 time like 2026-11-01T00:00:00Z, found another value")
                }
                first = Int64(date.timeIntervalSince1970 * 1000)
            }
            return SimulationScript(
                start: first, intervalSeconds: interval, readingsPerBatch: readingsPerBatch, batches: batches,
                excursions: try excursions.map(SimulationScript.Excursion.init))
        }

        func makeDevices(script: SimulationScript) throws -> [SimulatedDevice] {
            var withExcursions = Set(1...(loggers + trackers))
            if let excursionDevices {
                let numbers = excursionDevices.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard numbers.allSatisfy({ $0 != nil }) else {
                    throw CommandError.usage("expected --excursion-devices as a comma list of device numbers, found another value")
                }
                withExcursions = Set(numbers.compactMap { $0 })
            }
            var devices: [SimulatedDevice] = []
            for number in 1...(loggers + trackers) {
                let isTracker = number > loggers
                let id = "\(prefix)-\(isTracker ? "tracker" : "logger")-\(isTracker ? number - loggers : number)"
                guard (try? TelemetryDeviceID(id)) != nil else {
                    throw CommandError.usage("expected a --prefix that makes device ids of A-Z a-z 0-9 . _ : - (64 at most), found another value")
                }
                devices.append(
                    SimulatedDevice(
                        id: id, number: number, isTracker: isTracker, key: P256.Signing.PrivateKey(),
                        hasExcursions: withExcursions.contains(number), firstSequence: firstSequence))
            }
            return devices
        }

        /// Registers every device (admin) and places it at --location from the first reading on.
        func register(_ devices: [SimulatedDevice], token: String, since: Date) async throws {
            let client = BulkClient(server: server, token: token)
            for device in devices {
                let body: JSONObject = [
                    "id": .string(device.id), "kind": .string(device.isTracker ? "tracker" : "logger"),
                    "publicKey": .string(device.key.publicKey.pemRepresentation), "label": .string("simulated \(device.isTracker ? "tracker" : "logger") \(device.number)"),
                ]
                let answer = try await client.send("POST", "/api/v1/devices", body: Data(JSONSerializer.serialize(.object(body))))
                guard answer.status == 201 else {
                    throw CommandError.io("expected device \(device.id) to be registered (201), found \(answer.status): \(answer.problem)")
                }
                guard let location else { continue }
                let placement: JSONValue = ["location": .string(location), "since": .string(ISO8601DateFormatter().string(from: since))]
                let placed = try await client.send("POST", "/api/v1/devices/\(device.id)/placements", body: Data(JSONSerializer.serialize(placement)))
                guard placed.status == 201 else {
                    throw CommandError.io("expected device \(device.id) to be placed (201), found \(placed.status): \(placed.problem)")
                }
            }
            OutputWriter.write("Registered \(devices.count) devices" + (location.map { " at \($0)" } ?? "") + "\n")
        }
    }
}
