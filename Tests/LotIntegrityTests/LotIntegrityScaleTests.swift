import ColdChain
import LotIntegrity
import Testing
import TestSupport

/// The evaluator against a minute-by-minute brute force on random scenarios, and its speed on a large fleet.
@Suite struct LotIntegrityScaleTests {
    /// 2024-01-01T00:00:00Z.
    let t0: Int64 = 1_704_067_200_000
    let minute: Int64 = 60_000

    /// Random small scenarios on a minute grid: the minutes of every device's findings equal the minutes its
    /// excursions overlap the times it shared a location with the lot, and the unmonitored minutes equal those no
    /// device shared (with the reporting threshold at zero).
    @Test(arguments: 0..<60)
    func agreesWithAMinuteByMinuteBruteForce(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 1000)
        let locations = ["urn:epc:id:sgln:4012345.00001.0", "urn:epc:id:sgln:4012345.00002.0", "urn:epc:id:sscc:4012345.0000000001"]
        let horizon = 600  // minutes
        let devices = ["D1", "D2", "D3", "D4"]
        func random(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
        func time(_ m: Int) -> Int64 { t0 + Int64(m) * minute }

        var custodyTimes = Set<Int>()
        for _ in 0..<random(1...5) { custodyTimes.insert(random(0...horizon - 1)) }
        let custody = custodyTimes.sorted().map { m in
            CustodyStep(
                lot: LotIdentity(gtin: "04012345123456", lot: "L"), time: time(m),
                locations: locations.filter { _ in random(0...2) == 0 }, inTransit: false)
        }
        var placements: [DevicePlacementSpan] = []
        var excursions: [DeviceExcursion] = []
        for device in devices {
            for _ in 0..<random(0...4) {
                let location = random(0...3) == 0 ? "urn:epc:id:sgln:4012345.00009.0" : locations[random(0...2)]
                placements.append(DevicePlacementSpan(deviceID: device, location: location, since: time(random(-50...horizon))))
            }
            for _ in 0..<random(0...3) {
                let start = random(-30...horizon)
                let kind: AlarmRule.Kind = random(0...1) == 0 ? .heat : .freeze
                excursions.append(DeviceExcursion(deviceID: device, excursion: TrackedExcursion(
                    kind: kind, start: time(start), end: time(start + random(1...200)), isOpen: false,
                    extremeC: kind == .heat ? 12 : -2)))
            }
        }
        placements.shuffle(using: &generator)
        var evaluator = LotIntegrityEvaluator()
        evaluator.unmonitoredMinutes = 0
        let evaluation = evaluator.evaluate(
            custody: custody, placements: placements, excursions: excursions, alarmRules: [:], expiry: nil,
            recalled: false, now: time(horizon))

        // Brute force: where is the lot and every device at each minute?
        func custodyLocations(at m: Int) -> Set<String>? {
            guard let step = custody.last(where: { $0.time <= time(m) }) else { return nil }
            return Set(step.locations)
        }
        func location(of device: String, at m: Int) -> String? {
            // The latest placement at or before the minute; of equal times the last given.
            placements.enumerated().filter { $0.element.deviceID == device && $0.element.since <= time(m) }
                .max { ($0.element.since, $0.offset) < ($1.element.since, $1.offset) }
                .map { CustodyExtractor.normaliseLocation($0.element.location) }
        }
        var watched: [String: Set<Int>] = [:]
        var unwatched = 0
        for m in 0..<horizon {
            guard let here = custodyLocations(at: m) else { continue }
            var any = false
            for device in devices {
                if let place = location(of: device, at: m), here.contains(place) {
                    watched[device, default: []].insert(m)
                    any = true
                }
            }
            if !any { unwatched += 1 }
        }
        for device in devices {
            var expected = 0
            for item in excursions where item.deviceID == device {
                let first = Int((item.excursion.start - t0) / minute)
                let last = Int((item.excursion.end - t0) / minute)
                expected += (first..<last).filter { watched[device]?.contains($0) == true }.count
            }
            // Short excursions come summarised per device and kind, with their minutes added up.
            let found = evaluation.findings.filter { $0.deviceID == device }.compactMap { $0.totalMinutes ?? $0.minutes }.reduce(0, +)
            #expect(found == Double(expected), "seed \(seed) device \(device)")
            let watchMinutes = evaluation.watches.filter { $0.deviceID == device }.map(\.minutes).reduce(0, +)
            #expect(watchMinutes == Double(watched[device]?.count ?? 0), "seed \(seed) device \(device)")
        }
        let unmonitored = evaluation.findings.filter { $0.code == "LOT_UNMONITORED" }.compactMap(\.minutes).reduce(0, +)
        #expect(unmonitored == Double(unwatched), "seed \(seed)")
        for finding in evaluation.findings where finding.deviceID != nil {
            #expect(finding.status == ((finding.minutes ?? 0) >= (finding.code.contains("HEAT") ? 600 : 60) ? .compromised : .warning))
        }
    }

    /// 1,000 devices moved daily among 50 locations for 30 days (30,000 placements), 30 excursions each (30,000), a lot
    /// through 10 custody steps: a few milliseconds in release, far below 200 ms in a debug build.
    @Test func largeFleetIsFast() {
        let day: Int64 = 86_400_000
        let hour: Int64 = 3_600_000
        let locations = (0..<50).map { "urn:epc:id:sgln:4012345.\(String(10_000 + $0)).0" }
        var placements: [DevicePlacementSpan] = []
        var excursions: [DeviceExcursion] = []
        for device in 0..<1_000 {
            let id = "urn:epc:id:giai:4000001.\(device)"
            for d in 0..<30 {
                placements.append(DevicePlacementSpan(deviceID: id, location: locations[(device + d * 7) % 50], since: t0 + Int64(d) * day))
                let start = t0 + Int64(d) * day + Int64(device % 20) * hour
                let end = start + 2 * hour + Int64(device % 3) * 5 * hour
                excursions.append(DeviceExcursion(deviceID: id, excursion: TrackedExcursion(
                    kind: device % 4 == 0 ? .freeze : .heat, start: start, end: end, isOpen: false,
                    extremeC: device % 4 == 0 ? -3 : 11, thresholdC: device % 4 == 0 ? -0.5 : 8)))
            }
        }
        let custody = (0..<10).map { k in
            CustodyStep(
                lot: LotIdentity(gtin: "04012345123456", lot: "L"), time: t0 + Int64(k) * 3 * day + 5 * hour,
                locations: [locations[(k * 11) % 50]], inTransit: false)
        }
        let evaluator = LotIntegrityEvaluator()
        var best = Duration.seconds(1_000)
        var evaluation: LotEvaluation?
        for _ in 0..<5 {
            let clock = ContinuousClock()
            let started = clock.now
            evaluation = evaluator.evaluate(
                custody: custody, placements: placements, excursions: excursions, alarmRules: [:], expiry: nil,
                recalled: false, now: t0 + 30 * day)
            best = min(best, clock.now - started)
        }
        print("LotIntegrityEvaluator: 1,000 devices, 30,000 placements, 30,000 excursions: best of 5 \(best)")
        #expect(best < .milliseconds(200))
        #expect((evaluation?.watches.count ?? 0) > 100)
        #expect(evaluation?.findings.contains { $0.code == "LOT_HEAT_ALARM" } == true)
        #expect(evaluation?.findings.contains { $0.code == "LOT_FREEZE_ALARM" } == true)
        #expect(evaluation?.status == .compromised)
    }
}
