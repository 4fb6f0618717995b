import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import JSON
import MQTT
import MQTTClient
import NIOCore

/// Sends the simulator's signed batches: over HTTP on keep-alive connections, or published with QoS 1. Each
/// device stays on one connection or task, so its batches arrive in sequence order.
struct SimulationSender {
    let server: String
    let connections: Int

    /// POSTs every batch to `/api/v1/telemetry`; `batches[device][n]` is device's n-th batch.
    func postHTTP(_ batches: [[[UInt8]]]) async throws -> SimulationTally {
        guard let url = URLComponents(string: server), let host = url.host else {
            throw CommandError.usage("expected --server as a URL like http://127.0.0.1:8080, found another value")
        }
        let client = PlainHTTPClient(host: host, port: url.port ?? 80)
        let lanes = min(connections, batches.count)
        return try await withThrowingTaskGroup(of: SimulationTally.self) { group in
            for lane in 0..<lanes {
                let devices = Array(stride(from: lane, to: batches.count, by: lanes))
                group.addTask {
                    try await client.withConnection { post in
                        var tally = SimulationTally()
                        let rounds = devices.map { batches[$0].count }.max() ?? 0
                        for round in 0..<rounds {
                            for device in devices where round < batches[device].count {
                                let response = try await post("/api/v1/telemetry", batches[device][round], "application/cose")
                                Self.count(response.status, body: response.body, into: &tally)
                            }
                        }
                        return tally
                    }
                }
            }
            var total = SimulationTally()
            for try await tally in group { total.merge(tally) }
            return total
        }
    }

    static func count(_ status: Int, body: ByteBuffer, into tally: inout SimulationTally) {
        tally.sent += 1
        let json = (try? JSONParser.parse(Array(body.readableBytesView))) ?? .null
        switch (status, json["result"]?.stringValue) {
        case (200, "stored"):
            tally.stored += 1
            tally.storedReadings += Int(json["readings"]?.integerValue ?? 0)
        case (200, "duplicate"):
            tally.duplicates += 1
        default:
            tally.refused[json["code"]?.stringValue ?? "HTTP_\(status)", default: 0] += 1
        }
    }

    /// Publishes every batch with QoS 1 (each publish waits for its PUBACK) through one client.
    func publishMQTT(_ batches: [[[UInt8]]], configuration: MQTTClient.Configuration, deviceIDs: [String]) async throws -> SimulationTally {
        let client = try MQTTClient(configuration: configuration)
        let events = client.events()
        let running = Task { try await client.run() }
        defer { client.shutdown() }
        let connected = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await event in events {
                    if case .connected = event { return true }
                    if case .disconnected(let error?) = event, error.errorCode == .connectionRefused {
                        throw CommandError.io("expected the MQTT broker to accept the connection, found it refused: \(error.message)")
                    }
                }
                return false
            }
            group.addTask {
                try await Task.sleep(for: .seconds(30))
                return false
            }
            let first = try await group.next() ?? false
            group.cancelAll()
            return first
        }
        guard connected else {
            throw CommandError.io(
                "expected the MQTT broker at \(configuration.host):\(configuration.port) to accept a connection within 30 s, found none")
        }
        let lanes = min(connections, batches.count)
        let tally = try await withThrowingTaskGroup(of: SimulationTally.self) { group in
            for lane in 0..<lanes {
                let devices = Array(stride(from: lane, to: batches.count, by: lanes))
                group.addTask {
                    var tally = SimulationTally()
                    let rounds = devices.map { batches[$0].count }.max() ?? 0
                    for round in 0..<rounds {
                        for device in devices where round < batches[device].count {
                            try await client.publish(
                                topic: MQTTOptions.telemetryTopic(deviceID: deviceIDs[device]), payload: ByteBuffer(bytes: batches[device][round]),
                                qos: .atLeastOnce)
                            tally.sent += 1
                            tally.published = true
                        }
                    }
                    return tally
                }
            }
            var total = SimulationTally()
            for try await tally in group { total.merge(tally) }
            return total
        }
        client.shutdown()
        _ = try? await running.value
        return tally
    }

    /// The server's count of readings stored over MQTT (`dvc_telemetry_readings_total{transport="mqtt"}`).
    static func countedReadings(server: String, token: String) async throws -> Int {
        guard let url = URL(string: server.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/metrics") else {
            throw CommandError.usage("expected --server as a URL like http://127.0.0.1:8080, found another value")
        }
        var request = URLRequest(url: url)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (data, _) = try await URLSession.shared.data(for: request)
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n")
        where line.hasPrefix("dvc_telemetry_readings_total{") && line.contains("transport=\"mqtt\"") {
            return Int(Double(line.split(separator: " ").last ?? "") ?? 0)
        }
        return 0
    }

    /// Polls the server's count until it reaches `target` or stops growing for 30 s; returns the last count.
    static func waitForReadings(server: String, token: String, target: Int) async throws -> Int {
        var last = try await countedReadings(server: server, token: token)
        var unchangedSince = ContinuousClock.now
        while last < target, ContinuousClock.now - unchangedSince < .seconds(30) {
            try await Task.sleep(for: .milliseconds(50))
            let now = try await countedReadings(server: server, token: token)
            if now != last { unchangedSince = .now }
            last = now
        }
        return last
    }
}
