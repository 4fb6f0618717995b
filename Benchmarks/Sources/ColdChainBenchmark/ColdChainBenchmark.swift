import Crypto
import Foundation
import Issuance
import JSON
import Registry
import StorageSQLite
import Telemetry

/// The telemetry ingest pipeline and lot status on SQLite, without HTTP, one task:
/// 1. ingest throughput in readings per second (signature verification, admission, excursion tracking and the
///    SQLite transaction included), as a ratio to swift-crypto's bare P-256 verify of the same batches measured in
///    the same run;
/// 2. a lot watched by 1,000 devices over 30 days (readings every 5 minutes, 8.64 million in all, ingested through
///    the pipeline): the time of `Registry.lotStatus`.
///
/// Usage: ColdChainBenchmark [--devices N] [--days D]   (defaults 1000 and 30)
@main
struct ColdChainBenchmark {
    static let location = "urn:epc:id:sgln:9521234.00001.0"

    static func main() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String, _ fallback: Int) -> Int {
            arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil } ?? fallback
        }
        let deviceCount = option("--devices", 1_000)
        let days = option("--days", 30)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-coldchain-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appendingPathComponent("dvc.sqlite").path)
        let (registry, _) = try await Registry.open(
            store: store, masterKey: .generate(), configuration: RegistryConfiguration(publicURL: "https://dvc.example"))

        let now = Date()
        let start = now.addingTimeInterval(-Double(days) * 86_400)
        let startMilliseconds = Int64(start.timeIntervalSince1970 * 1000)
        let readingsPerDevice = days * 288
        let batchSize = 1_440  // 5 days of readings every 5 minutes
        var keys: [P256.Signing.PrivateKey] = []
        for number in 0..<deviceCount {
            let key = P256.Signing.PrivateKey()
            keys.append(key)
            try await registry.register(
                .init(id: "logger-\(number)", kind: .logger, publicKey: key.publicKey), now: start)
            try await registry.place(deviceID: "logger-\(number)", at: location, since: start)
        }
        // Readings: +5 C with a daily 30-minute rise to +9 C on every device (30 short heat excursions each); device 0
        // also has 700 minutes at +12 C on day 10 (a heat alarm).
        func centiCelsius(device: Int, index: Int) -> Int32 {
            let minuteOfDay = (index % 288) * 5
            if device == 0, index / 288 == 10, minuteOfDay >= 300, minuteOfDay < 1_000 { return 1_200 }
            return minuteOfDay >= 600 && minuteOfDay < 630 ? 900 : 500
        }
        var batches: [(bytes: [UInt8], key: P256.Signing.PublicKey, readings: Int)] = []
        for round in 0..<((readingsPerDevice + batchSize - 1) / batchSize) {
            for device in 0..<deviceCount {
                let indices = (round * batchSize)..<min(readingsPerDevice, (round + 1) * batchSize)
                let readings = indices.map {
                    TemperatureSample(time: startMilliseconds + Int64($0) * 300_000, centiCelsius: centiCelsius(device: device, index: $0))
                }
                let batch = TelemetryBatch(
                    deviceID: try TelemetryDeviceID("logger-\(device)"), sequence: UInt64(round + 1),
                    sentAt: readings.last?.time ?? startMilliseconds, readings: readings)
                batches.append((try SignedTelemetry.sign(batch, key: keys[device]), keys[device].publicKey, readings.count))
            }
        }

        // 1. Ingest, then the bare verify of the same signed bytes.
        let clock = ContinuousClock()
        var readings = 0
        let ingestStart = clock.now
        for batch in batches {
            let result = try await registry.telemetry.ingest(batch.bytes, transport: .http, now: now)
            guard result.outcome == .stored else { fatalError("expected every batch stored, found \(result.reason)") }
            readings += batch.readings
        }
        let ingestSeconds = seconds(clock.now - ingestStart)
        let verifyStart = clock.now
        for batch in batches {
            _ = try SignedTelemetry.verify(batch.bytes, keyLookup: { _ in batch.key })
        }
        let verifySeconds = seconds(clock.now - verifyStart)
        let ingestRate = Double(readings) / ingestSeconds
        let verifyRate = Double(readings) / verifySeconds
        print("Ingest pipeline on SQLite, one task, release build: \(deviceCount) devices x \(days) days every 5 min = \(readings) readings in \(batches.count) batches of up to \(batchSize).")
        print("")
        print("| run | readings/s | batches/s |")
        print("|---|---:|---:|")
        print("| pipeline (verify, admit, track excursions, store) | \(Int(ingestRate)) | \(Int(Double(batches.count) / ingestSeconds)) |")
        print("| signature verification and decoding only (SignedTelemetry.verify) | \(Int(verifyRate)) | \(Int(Double(batches.count) / verifySeconds)) |")
        print("")
        print("Pipeline / verification alone: \(String(format: "%.2f", ingestRate / verifyRate)).")

        // 2. A lot commissioned at the location at the start: every device watched it for the whole period.
        let document: JSONValue = [
            "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument",
            "schemaVersion": "2.0", "creationDate": .string(ISO8601DateFormatter().string(from: now)),
            "epcisBody": [
                "eventList": [
                    [
                        "type": "ObjectEvent", "eventTime": .string(ISO8601DateFormatter().string(from: start)),
                        "eventTimeZoneOffset": "+00:00", "action": "ADD", "bizStep": "commissioning",
                        "bizLocation": ["id": .string(location)],
                        "quantityList": [["epcClass": "https://id.gs1.org/01/09521234543213/10/BENCH1", "quantity": 1000, "uom": "EA"]],
                    ]
                ]
            ],
        ]
        _ = try await registry.captureEPCIS(JSONSerializer.serialize(document), now: now)
        var times: [Double] = []
        var report: LotStatusReport?
        for _ in 0..<21 {
            let began = clock.now
            report = try await registry.lotStatus(gtin: "09521234543213", lot: "BENCH1", now: now)
            times.append(seconds(clock.now - began) * 1000)
        }
        times.sort()
        // Where the time goes: the two big store reads and the evaluation, each on its own (medians of 11).
        let deviceIDs = (0..<deviceCount).map { "logger-\($0)" }
        let stored = try await store.placements(deviceID: "logger-0").first?.location ?? location
        var placementTimes: [Double] = []
        var excursionTimes: [Double] = []
        for _ in 0..<11 {
            var began = clock.now
            let placements = try await store.placements(atAnyOf: [stored])
            placementTimes.append(seconds(clock.now - began) * 1000)
            began = clock.now
            let excursions = try await store.excursions(deviceIDs: deviceIDs, from: start, to: now)
            excursionTimes.append(seconds(clock.now - began) * 1000)
            precondition(placements.count == deviceCount && !excursions.isEmpty)
        }
        placementTimes.sort()
        excursionTimes.sort()
        let findings = report?.evaluation.findings ?? []
        print("")
        print(
            "Lot status of a lot watched by \(Set(report?.evaluation.watches.map(\.deviceID) ?? []).count) devices over \(days) days (\(findings.count) findings, status \(report?.status.rawValue ?? "?")): median \(String(format: "%.1f", times[times.count / 2])) ms, slowest of 21 \(String(format: "%.1f", times.last ?? 0)) ms (target < 50 ms); of which placements \(String(format: "%.1f", placementTimes[5])) ms and excursions \(String(format: "%.1f", excursionTimes[5])) ms (medians).")
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
