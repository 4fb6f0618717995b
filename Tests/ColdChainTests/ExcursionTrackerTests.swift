import ColdChain
import Foundation
import JSON
import Testing
import TestSupport

/// The incremental tracker against the whole-series evaluation, its state encoding and its input rules.
@Suite struct ExcursionTrackerTests {
    // MARK: Helpers

    /// Milliseconds since 1970 of a reading time.
    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    /// What the whole-series evaluation finds under every single-mode rule of a profile, as tracked excursions
    /// (open when the run reaches the last reading while it is out of range), sorted.
    static func expected(_ readings: [TemperatureReading], profile: TemperatureProfile) -> [TrackedExcursion] {
        var result: [TrackedExcursion] = []
        for rule in profile.alarms where rule.mode == .single {
            for excursion in rule.evaluate(readings).excursions {
                let reachesEnd = excursion.end == readings.last?.time && rule.isOutOfRange(readings.last?.celsius ?? 0)
                result.append(
                    TrackedExcursion(
                        kind: rule.kind, start: milliseconds(excursion.start), end: milliseconds(excursion.end),
                        isOpen: reachesEnd, extremeC: rule.kind == .heat ? excursion.maxC : excursion.minC,
                        thresholdC: rule.thresholdC))
            }
        }
        return sorted(result)
    }

    static func sorted(_ list: [TrackedExcursion]) -> [TrackedExcursion] {
        list.sorted {
            ($0.start, $0.kind.rawValue, $0.thresholdC ?? 0) < ($1.start, $1.kind.rawValue, $1.thresholdC ?? 0)
        }
    }

    /// Feeds the readings one at a time in random batches, storing and restoring the state between batches; returns
    /// every closed excursion plus the open ones at the end.
    static func tracked(
        _ readings: [TemperatureReading], profile: TemperatureProfile, generator: inout SeededGenerator
    ) throws -> [TrackedExcursion] {
        var tracker = ExcursionTracker(profile: profile)
        var closed: [TrackedExcursion] = []
        var index = 0
        while index < readings.count {
            let batch = Int.random(in: 1...max(1, min(50, readings.count / 3 + 1)), using: &generator)
            for reading in readings[index..<min(readings.count, index + batch)] {
                let changed = tracker.add(time: milliseconds(reading.time), celsius: reading.celsius)
                #expect(changed.count <= tracker.rules.count)
                closed += changed.filter { !$0.isOpen }
            }
            index += batch
            let bytes = tracker.encoded()
            let restored = try ExcursionTracker(profile: profile, restoring: bytes)
            #expect(restored == tracker)
            #expect(restored.encoded() == bytes)
            tracker = restored
        }
        return sorted(closed + tracker.openExcursions)
    }

    static func compare(_ readings: [TemperatureReading], profile: TemperatureProfile, label: String, seed: UInt64) throws {
        let expected = expected(readings, profile: profile)
        for round in 0..<3 {
            var generator = SeededGenerator(seed: seed &+ UInt64(round))
            let actual = try tracked(readings, profile: profile, generator: &generator)
            #expect(actual == expected, "\(label) (\(profile.name)), split \(round)")
            #expect(actual.map(\.minutes) == expected.map(\.minutes), "\(label)")
        }
    }

    /// The single-mode rules of `who_alarm_rules`, as profiles: the 30DTR pair (both boundaries) and the single-mode
    /// shipping-indicator rules.
    static func vectorProfiles() throws -> [TemperatureProfile] {
        [
            try TemperatureProfile(name: "30DTR", minC: 2, maxC: 8, alarms: WHOAlarms.thirtyDayRecorder),
            try TemperatureProfile(name: "30DTR-incl", minC: 2, maxC: 8, alarms: WHOAlarms.thirtyDayRecorder(boundary: .inclusive)),
            try TemperatureProfile(name: "30DTR-excl", minC: 2, maxC: 8, alarms: WHOAlarms.thirtyDayRecorder(boundary: .exclusive)),
            try TemperatureProfile(name: "SI-type1", minC: 2, maxC: 8, alarms: ShippingIndicatorRule.type1.rules),
            try TemperatureProfile(name: "SI-type2", minC: 2, maxC: 8, alarms: ShippingIndicatorRule.type2.rules),
            .refrigerated, .frozen, .ultraLow,
        ]
    }

    /// Every reading series of `coldchain/vectors.json` (the `mkt` series, hourly, and the budget profile's
    /// segments, hourly), with the rules of its `who_alarm_rules` section checked against the constants.
    static func vectorSeries() throws -> [(String, [TemperatureReading])] {
        let vectors = try Fixtures.vectors()
        var series: [(String, [TemperatureReading])] = []
        for item in try #require(vectors["mkt"]?.arrayValue) {
            let name = try #require(item["name"]?.stringValue)
            var temperatures: [Double] = []
            if let list = item["temps_c"]?.arrayValue {
                temperatures = try list.map { try Fixtures.number($0) }
            } else {
                for pair in try #require(item["compact"]?.arrayValue) {
                    let parts = try #require(pair.arrayValue)
                    temperatures += Array(repeating: try Fixtures.number(parts[0]), count: Int(try Fixtures.number(parts[1])))
                }
            }
            series.append((name, Fixtures.series(temperatures)))
        }
        let segments = try #require(vectors["vvm_budget_profile"]?["segments_hours_tempC"]?.arrayValue)
        var temperatures: [Double] = []
        for segment in segments {
            let parts = try #require(segment.arrayValue)
            temperatures += Array(repeating: try Fixtures.number(parts[1]), count: Int(try Fixtures.number(parts[0])))
        }
        series.append(("vvm_budget_profile", Fixtures.series(temperatures)))
        return series
    }

    // MARK: Equivalence with the whole-series evaluation

    @Test func vectorSeriesMatchTheWholeSeriesEvaluation() throws {
        let rules = try #require(try Fixtures.vectors()["who_alarm_rules"]?.objectValue)
        #expect(rules["30DTR_heat"]?["minutes"]?.integerValue == Int64(WHOAlarms.heat.minutes))
        let series = try Self.vectorSeries()
        #expect(series.count == 7)
        var excursions = 0
        for (name, readings) in series {
            for (offset, profile) in try Self.vectorProfiles().enumerated() {
                try Self.compare(readings, profile: profile, label: name, seed: UInt64(offset * 100 + readings.count))
                excursions += Self.expected(readings, profile: profile).count
            }
        }
        #expect(excursions > 10)  // the ramp, the 12 °C and 25 °C hours and the budget profile leave +8 °C
    }

    @Test(arguments: Fixtures.berlingerFiles)
    func berlingerSeriesMatchTheWholeSeriesEvaluation(path: String) throws {
        let export = try Fixtures.berlinger(path)
        let own = try TemperatureProfile(name: export.device, minC: -100, maxC: 100, alarms: export.alarmRules)
        for profile in [own, .refrigerated, .frozen, .ultraLow] {
            try Self.compare(export.readings, profile: profile, label: path, seed: UInt64(export.readings.count))
        }
    }

    @Test func berlingerFilesWithSeriesAreCovered() throws {
        var withSeries = 0
        var excursions = 0
        for path in Fixtures.berlingerFiles {
            let export = try Fixtures.berlinger(path)
            guard !export.readings.isEmpty else { continue }
            withSeries += 1
            let own = try TemperatureProfile(name: export.device, minC: -100, maxC: 100, alarms: export.alarmRules)
            excursions += Self.expected(export.readings, profile: own).count
        }
        #expect(withSeries == 4)
        #expect(excursions > 0)
    }

    @Test(arguments: 0..<40)
    func randomSeriesMatchTheWholeSeriesEvaluation(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed) &* 7919)
        var time = Fixtures.origin
        var readings: [TemperatureReading] = []
        var celsius = 5.0
        for _ in 0..<Int.random(in: 1...400, using: &generator) {
            time = time.addingTimeInterval(Double(Int.random(in: 1...30, using: &generator)) * 60)
            celsius = Bool.random(using: &generator)
                ? Double(Int.random(in: -30...150, using: &generator)) / 10 : celsius + Double(Int.random(in: -8...8, using: &generator)) / 4
            readings.append(TemperatureReading(time: time, celsius: celsius))
        }
        for profile in try Self.vectorProfiles() {
            try Self.compare(readings, profile: profile, label: "random \(seed)", seed: UInt64(seed))
        }
    }

    // MARK: Semantics

    @Test func eachReadingReportsWhatItOpenedExtendedOrClosed() {
        var tracker = ExcursionTracker(profile: .refrigerated)
        let hour: Int64 = 3_600_000
        #expect(tracker.add(time: 0, celsius: 5).isEmpty)
        let opened = tracker.add(time: hour, celsius: 9)
        #expect(opened == [TrackedExcursion(kind: .heat, start: hour, end: hour, isOpen: true, extremeC: 9, thresholdC: 8)])
        #expect(tracker.add(time: 2 * hour, celsius: 11).first?.extremeC == 11)
        let extended = tracker.add(time: 3 * hour, celsius: 10)
        #expect(extended == [TrackedExcursion(kind: .heat, start: hour, end: 3 * hour, isOpen: true, extremeC: 11, thresholdC: 8)])
        #expect(tracker.openExcursions == extended)
        let closed = tracker.add(time: 4 * hour, celsius: -1)
        #expect(closed.count == 2)
        #expect(closed[0] == TrackedExcursion(kind: .heat, start: hour, end: 4 * hour, isOpen: false, extremeC: 11, thresholdC: 8))
        #expect(closed[0].minutes == 180)
        #expect(closed[1] == TrackedExcursion(kind: .freeze, start: 4 * hour, end: 4 * hour, isOpen: true, extremeC: -1, thresholdC: -0.5))
        #expect(tracker.add(time: 5 * hour, celsius: -0.5).first?.isOpen == true)  // <= -0.5 is out of range
        let thawed = tracker.add(time: 6 * hour, celsius: -0.4)
        #expect(thawed.map(\.minutes) == [120] && thawed.first?.extremeC == -1 && tracker.openExcursions.isEmpty)
        #expect(tracker.lastReadingTime == 6 * hour)
    }

    @Test func cumulativeRulesAreNotTracked() throws {
        let tracker = ExcursionTracker(profile: try TemperatureProfile(
            name: "SI-type2", minC: 2, maxC: 8, alarms: ShippingIndicatorRule.type2.rules))
        #expect(tracker.rules == ShippingIndicatorRule.type2.rules.filter { $0.mode == .single })
        #expect(tracker.rules.count == 1)
    }

    @Test func readingsAtOrBeforeTheLastAreIgnored() {
        var tracker = ExcursionTracker(profile: .refrigerated)
        #expect(tracker.lastReadingTime == nil)
        _ = tracker.add(time: 1_000_000, celsius: 9)
        let before = tracker
        #expect(tracker.add(time: 1_000_000, celsius: 3).isEmpty)
        #expect(tracker.add(time: 999_999, celsius: -5).isEmpty)
        #expect(tracker.add(time: 2_000_000, celsius: .nan).isEmpty)
        #expect(tracker.add(time: 2_000_000, celsius: .infinity).isEmpty)
        #expect(tracker == before)
        #expect(tracker.add(time: 1_000_001, celsius: 3).map(\.isOpen) == [false])
    }

    // MARK: State encoding

    @Test func encodingLayoutIsStable() throws {
        var tracker = ExcursionTracker(profile: .refrigerated)
        #expect(Hex.encode(tracker.encoded()) == "010002" + "02" + "4020000000000000" + "01" + "bfe0000000000000")
        _ = tracker.add(time: 1000, celsius: 9)
        let bytes = tracker.encoded()
        #expect(
            Hex.encode(bytes)
                == "0101" + "00000000000003e8" + "02" + "06" + "4020000000000000" + "00000000000003e8" + "4022000000000000"
                + "01" + "bfe0000000000000")
        #expect(bytes.first == ExcursionTracker.encodingVersion)
        let restored = try ExcursionTracker(profile: .refrigerated, restoring: bytes)
        #expect(restored == tracker && restored.openExcursions == tracker.openExcursions)
    }

    /// Tracker states along a series with open runs of both kinds, before and after readings.
    static func sampleStates() throws -> [(TemperatureProfile, ExcursionTracker)] {
        var states: [(TemperatureProfile, ExcursionTracker)] = []
        for profile in try vectorProfiles() {
            var tracker = ExcursionTracker(profile: profile)
            states.append((profile, tracker))
            for (step, celsius) in [5.0, 9, 30, 50, -1, -20, -26, -95, -70, 4].enumerated() {
                _ = tracker.add(time: Int64(step) * 600_000 - 1_000_000_000_000, celsius: celsius)
                states.append((profile, tracker))
            }
        }
        return states
    }

    @Test func encodingRoundTrips() throws {
        for (profile, tracker) in try Self.sampleStates() {
            let bytes = tracker.encoded()
            let restored = try ExcursionTracker(profile: profile, restoring: bytes)
            #expect(restored == tracker)
            #expect(restored.encoded() == bytes)
            #expect(restored.openExcursions == tracker.openExcursions)
            #expect(restored.lastReadingTime == tracker.lastReadingTime)
        }
    }

    @Test func everyTruncationThrows() throws {
        var checked = 0
        for (profile, tracker) in try Self.sampleStates() {
            let bytes = tracker.encoded()
            for length in 0..<bytes.count {
                #expect(throws: ColdChainError(.trackerState, "")) {
                    try ExcursionTracker(profile: profile, restoring: Array(bytes.prefix(length)))
                }
                checked += 1
            }
            #expect(throws: ColdChainError(.trackerState, "")) {
                try ExcursionTracker(profile: profile, restoring: bytes + [0])
            }
        }
        #expect(checked > 1000)
    }

    @Test func malformedStatesThrow() throws {
        var tracker = ExcursionTracker(profile: .refrigerated)
        _ = tracker.add(time: 5_000, celsius: -3)
        let bytes = tracker.encoded()
        func rejects(_ mutated: [UInt8], profile: TemperatureProfile = .refrigerated, _ why: Comment) {
            #expect(throws: ColdChainError(.trackerState, ""), why) {
                try ExcursionTracker(profile: profile, restoring: mutated)
            }
        }
        var wrongVersion = bytes
        wrongVersion[0] = 2
        rejects(wrongVersion, "version")
        var badFlags = bytes
        badFlags[1] = 3
        rejects(badFlags, "flags")
        rejects(bytes, profile: .frozen, "another profile's thresholds")
        rejects(bytes, profile: try TemperatureProfile(name: "heat only", minC: 2, maxC: 8, alarms: [WHOAlarms.heat]), "rule count")
        rejects(bytes, profile: try TemperatureProfile(
            name: "inclusive", minC: 2, maxC: 8, alarms: WHOAlarms.thirtyDayRecorder(boundary: .inclusive)), "boundary")
        // The open freeze run's extreme (last 8 bytes) set to +3 °C, which is in range.
        rejects(Array(bytes.dropLast(8)) + [0x40, 0x08, 0, 0, 0, 0, 0, 0], "in-range extreme")
        rejects(Array(bytes.dropLast(8)) + [0x7F, 0xF8, 0, 0, 0, 0, 0, 0], "NaN extreme")
        // A run starting after the last reading: the low byte of the start (offset 36) raised from 0x88 to 0xFF.
        #expect(bytes.count == 45 && bytes[36] == 0x88)
        var lateStart = bytes
        lateStart[36] = 0xFF
        rejects(lateStart, "start after the last reading")
        // An open run without a last reading time.
        rejects([1, 0, 2, 0x02] + Array(bytes[12..<20]) + [0x05] + Array(bytes[21...]), "open run without readings")
        // A padded rule count (0x82 0x00 = 2).
        rejects([1, 0, 0x82, 0x00] + Array(ExcursionTracker(profile: .refrigerated).encoded().dropFirst(3)), "padded count")
        rejects([1, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], "overlong count")
        rejects([], "empty")
    }

    @Test func randomlyCorruptedStatesNeverTrap() throws {
        var generator = SeededGenerator(seed: 42)
        var outcomes = (restored: 0, rejected: 0)
        for (profile, tracker) in try Self.sampleStates() {
            let bytes = tracker.encoded()
            for _ in 0..<50 {
                var mutated = bytes
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    mutated[Int.random(in: 0..<mutated.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                }
                do {
                    let restored = try ExcursionTracker(profile: profile, restoring: mutated)
                    #expect(restored.encoded() == mutated)  // whatever is accepted is canonical
                    outcomes.restored += 1
                } catch {
                    #expect(error.code == "COLDCHAIN_TRACKER_STATE")
                    outcomes.rejected += 1
                }
            }
        }
        #expect(outcomes.rejected > 0 && outcomes.restored > 0)
    }
}
