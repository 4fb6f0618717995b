import Crypto
import Foundation
import JSON
import Telemetry
import TestSupport
import Testing

/// `POST /api/v1/telemetry` against a live server: a stored batch, its retry, and every refusal with its status
/// and stable code; the metrics count each reason.
@Suite("Telemetry ingest over HTTP")
struct TelemetryIngestTests {
    @Test("stored once, retried, replayed, skewed, unknown, forged, malformed, oversized: each answered with its code")
    func badInputIsRefusedWithACode() async throws {
        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let admin = try #require(server.firstAdminToken)
        let key = P256.Signing.PrivateKey()
        let registered = try await server.request(
            "POST", "/api/v1/devices", token: admin,
            json: ["id": "fridge-1", "kind": "logger", "publicKey": .string(key.publicKey.pemRepresentation), "location": "urn:epc:id:sgln:9521234.00002.0"])
        #expect(registered.status == 201, "\(ResponseJSON.text(registered.body))")
        let duplicateDevice = try await server.request(
            "POST", "/api/v1/devices", token: admin,
            json: ["id": "fridge-1", "kind": "logger", "publicKey": .string(key.publicKey.pemRepresentation)])
        ResponseJSON.expectProblem(duplicateDevice, status: 409, code: "DEVICE_EXISTS", "the same device id again")

        let now = Int64(Date().timeIntervalSince1970 * 1000)
        func batch(_ sequence: UInt64, at time: Int64 = now - 60_000, celsius: Int32 = 450) throws -> [UInt8] {
            let readings = (0..<100).map { TemperatureSample(time: time - Int64(99 - $0) * 60_000, centiCelsius: celsius) }
            return try SignedTelemetry.sign(
                TelemetryBatch(deviceID: try TelemetryDeviceID("fridge-1"), sequence: sequence, sentAt: time, readings: readings), key: key)
        }
        func post(_ bytes: [UInt8]) async throws -> ServerProcess.HTTPAnswer {
            try await server.request("POST", "/api/v1/telemetry", body: Data(bytes), headers: ["Content-Type": "application/cose"])
        }

        let first = try batch(1)
        let stored = try await post(first)
        #expect(stored.status == 200)
        #expect(try ResponseJSON.parse(stored.body)["result"]?.stringValue == "stored")
        #expect(try ResponseJSON.parse(stored.body)["readings"]?.integerValue == 100)
        let retried = try await post(first)
        #expect(retried.status == 200)
        #expect(try ResponseJSON.parse(retried.body)["result"]?.stringValue == "duplicate", "a retry is acknowledged, not stored again")
        ResponseJSON.expectProblem(try await post(try batch(1, celsius: 500)), status: 409, code: "TELEMETRY_REPLAY", "sequence 1 with other content")
        ResponseJSON.expectProblem(
            try await post(try batch(2, at: now + 3_600_000)), status: 422, code: "TELEMETRY_CLOCK_SKEW", "an hour in the future")
        let gap = try await post(try batch(5))
        #expect(try ResponseJSON.parse(gap.body)["gap"]?.integerValue == 3, "sequences 2 (refused), 3 and 4 skipped")

        let stranger = P256.Signing.PrivateKey()
        let unknown = try SignedTelemetry.sign(
            TelemetryBatch(deviceID: try TelemetryDeviceID("fridge-9"), sequence: 1, sentAt: now, readings: []), key: stranger)
        ResponseJSON.expectProblem(try await post(unknown), status: 403, code: "TELEMETRY_UNKNOWN_DEVICE", "an unregistered device")
        let forged = try SignedTelemetry.sign(
            TelemetryBatch(deviceID: try TelemetryDeviceID("fridge-1"), sequence: 6, sentAt: now, readings: []), key: stranger)
        ResponseJSON.expectProblem(try await post(forged), status: 401, code: "TELEMETRY_BAD_SIGNATURE", "signed with another key")
        var flipped = try batch(7)
        flipped[flipped.count / 2] ^= 0x01
        let flippedAnswer = try await post(flipped)
        #expect([400, 401].contains(flippedAnswer.status), "a flipped bit: \(flippedAnswer.status)")
        ResponseJSON.expectProblem(try await post(Array("not cbor".utf8)), status: 400, code: "TELEMETRY_MALFORMED", "text")
        ResponseJSON.expectProblem(try await post([0xD2, 0x84, 0x43]), status: 400, code: "TELEMETRY_MALFORMED", "a truncated envelope")
        ResponseJSON.expectProblem(
            try await post(Array(repeating: 0, count: 600 * 1024)), status: 413, code: "PAYLOAD_TOO_LARGE", "600 KB")

        let health = try await server.request("GET", "/health")
        #expect(health.status == 200, "the server still answers")
        let metrics = ResponseJSON.text(try await server.request("GET", "/metrics", token: admin).body, limit: 1 << 20)
        for reason in ["TELEMETRY_ACCEPTED", "TELEMETRY_DUPLICATE", "TELEMETRY_REPLAY", "TELEMETRY_CLOCK_SKEW", "TELEMETRY_UNKNOWN_DEVICE", "TELEMETRY_BAD_SIGNATURE", "TELEMETRY_MALFORMED"] {
            #expect(metrics.contains("reason=\"\(reason)\""), "metrics count \(reason)")
        }
        #expect(metrics.contains("dvc_telemetry_readings_total{transport=\"http\"} 200"), "two stored batches of 100 readings")
        let device = try ResponseJSON.parse(try await server.request("GET", "/api/v1/devices/fridge-1", token: admin).body)
        #expect(device["highestSequence"]?.integerValue == 5)
        #expect(device["location"]?.stringValue == "https://id.gs1.org/414/9521234000020", "the SGLN stored as its canonical Digital Link")
    }
}
