import Foundation
import JSON
import TestSupport
import Testing

/// `dvc serve --mqtt` subscribed to a real Mosquitto (Debian `mosquitto`), with `dvc device simulate --transport
/// mqtt` publishing: every reading is stored once, through the same pipeline as HTTP.
@Suite("Telemetry ingest over MQTT")
struct MQTTIngestTests {
    @Test("simulated loggers publish 4,000 readings with QoS 1; the server stores each once and counts a foreign topic")
    func simulatedDevicesOverMosquitto() async throws {
        let broker = try MosquittoBroker()
        let url = "mqtt://\(MosquittoBroker.username)@127.0.0.1:\(broker.port)"
        let environment = ["DVC_MQTT_PASSWORD": MosquittoBroker.password]
        let server = try await ServerProcess.start(["--mqtt", url, "--mqtt-client-id", "dvc-serve-test"], environment: environment)
        defer { server.cleanUp() }
        let admin = try #require(server.firstAdminToken)
        #expect(server.standardOutput.contains("dvc/v1/devices/+/telemetry"), "the server says what it subscribes to")

        try broker.publishWithMosquittoPub(topic: "dvc/v1/devices/not-signed/telemetry", qos: 1, lines: ["garbage"])
        let dvc = try CommandRunner(product: "dvc")
        let run = try await ServerProcess.detached {
            try dvc.run(
                [
                    "device", "simulate", "--server", server.baseURL, "--token", admin, "--transport", "mqtt", "--mqtt", url,
                    "--loggers", "4", "--prefix", "mqtt", "--batches", "10", "--readings-per-batch", "100", "--interval", "60",
                ],
                environment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new })
        }
        #expect(run.status == 0, "\(run.standardOutput) \(run.standardError)")
        #expect(run.standardOutput.contains("4000 readings ingested over MQTT"), "\(run.standardOutput)")

        let metrics = ResponseJSON.text(try await server.request("GET", "/metrics", token: admin).body, limit: 1 << 20)
        #expect(metrics.contains("dvc_telemetry_readings_total{transport=\"mqtt\"} 4000"), "each reading counted once")
        #expect(metrics.contains("reason=\"TELEMETRY_MALFORMED\""), "the foreign message is counted, not fatal")
        for number in 1...4 {
            let device = try ResponseJSON.parse(try await server.request("GET", "/api/v1/devices/mqtt-logger-\(number)", token: admin).body)
            #expect(device["highestSequence"]?.integerValue == 10, "device \(number)")
        }
    }
}
