import ColdChain
import Foundation
import Testing

/// The alarm rules: boundary comparison, single and cumulative modes, runs reaching the end, gaps.
@Suite struct AlarmRuleTests {
    @Test func boundaryIsConfigurable() throws {
        let heatInclusive = try AlarmRule(kind: .heat, thresholdC: 8, boundary: .inclusive, minutes: 600)
        let heatExclusive = try AlarmRule(kind: .heat, thresholdC: 8, boundary: .exclusive, minutes: 600)
        #expect(heatInclusive.isOutOfRange(8.0) && !heatExclusive.isOutOfRange(8.0))
        #expect(heatInclusive.isOutOfRange(8.1) && heatExclusive.isOutOfRange(8.1))
        #expect(!heatInclusive.isOutOfRange(7.9))
        let freezeInclusive = try AlarmRule(kind: .freeze, thresholdC: -0.5, boundary: .inclusive, minutes: 60)
        let freezeExclusive = try AlarmRule(kind: .freeze, thresholdC: -0.5, boundary: .exclusive, minutes: 60)
        #expect(freezeInclusive.isOutOfRange(-0.5) && !freezeExclusive.isOutOfRange(-0.5))
        #expect(!freezeInclusive.isOutOfRange(-0.4) && freezeExclusive.isOutOfRange(-0.6))
        #expect([heatInclusive, heatExclusive, freezeInclusive, freezeExclusive].map(\.comparisonOperator)
            == [">=", ">", "<=", "<"])
    }

    @Test func whoDefaults() {
        #expect(WHOAlarms.heat.comparisonOperator == ">" && WHOAlarms.heat.thresholdC == 8 && WHOAlarms.heat.minutes == 600)
        #expect(WHOAlarms.freeze.comparisonOperator == "<=" && WHOAlarms.freeze.thresholdC == -0.5)
        #expect(WHOAlarms.freeze.minutes == 60)
        #expect(WHOAlarms.thirtyDayRecorder(boundary: .inclusive).map(\.comparisonOperator) == [">=", "<="])
    }

    @Test func invalidRulesAreRejected() {
        #expect(throws: ColdChainError(.invalidParameter, "")) {
            try AlarmRule(kind: .heat, thresholdC: 8, boundary: .exclusive, minutes: 0)
        }
        #expect(throws: ColdChainError(.invalidParameter, "")) {
            try AlarmRule(kind: .heat, thresholdC: .nan, boundary: .exclusive, minutes: 10)
        }
        #expect(throws: ColdChainError(.invalidParameter, "")) {
            try TemperatureProfile(name: "x", minC: 8, maxC: 2, alarms: [])
        }
    }

    @Test func heatAlarmWhenTheRunReachesExactly600Minutes() {
        // 10 hourly readings above +8 then an in-range one: the run lasts 600 minutes and alarms.
        let readings = Fixtures.series(Array(repeating: 8.5, count: 10) + [5.0, 5.0])
        let evaluation = WHOAlarms.heat.evaluate(readings)
        #expect(evaluation.excursions.count == 1)
        #expect(evaluation.excursions.first?.minutes == 600)
        #expect(evaluation.alarms.count == 1)
        #expect(evaluation.triggeredAt == Fixtures.origin.addingTimeInterval(600 * 60))
        // Nine readings give 540 minutes: an excursion, no alarm.
        let shorter = WHOAlarms.heat.evaluate(Fixtures.series(Array(repeating: 8.5, count: 9) + [5.0]))
        #expect(shorter.excursions.map(\.minutes) == [540])
        #expect(!shorter.isAlarmed && shorter.alarms.isEmpty)
    }

    @Test func thresholdReadingIsInRangeForExclusiveHeat() {
        // 8.0 exactly ends the run under "> 8.0".
        let readings = Fixtures.series([9, 9, 8.0, 9, 5])
        let runs = WHOAlarms.heat.evaluate(readings).excursions
        #expect(runs.map(\.minutes) == [120, 60])
        let inclusive = WHOAlarms.thirtyDayRecorder(boundary: .inclusive)[0].evaluate(readings).excursions
        #expect(inclusive.map(\.minutes) == [240])
    }

    @Test func freezeAtThresholdCountsWhenInclusive() {
        let readings = Fixtures.readings([(0, 4), (10, -0.5), (40, -0.5), (70, -0.4), (80, 3)])
        let evaluation = WHOAlarms.freeze.evaluate(readings)
        #expect(evaluation.excursions.count == 1)
        #expect(evaluation.excursions.first?.start == Fixtures.origin.addingTimeInterval(600))
        #expect(evaluation.excursions.first?.end == Fixtures.origin.addingTimeInterval(70 * 60))
        #expect(evaluation.isAlarmed)
        #expect(WHOAlarms.thirtyDayRecorder(boundary: .exclusive)[1].evaluate(readings).excursions.isEmpty)
    }

    @Test func runReachingTheEndEndsAtTheLastReading() {
        let readings = Fixtures.series([5, 9, 9, 9])
        let run = WHOAlarms.heat.evaluate(readings).excursions
        #expect(run.count == 1)
        #expect(run.first?.start == Fixtures.origin.addingTimeInterval(3600))
        #expect(run.first?.end == Fixtures.origin.addingTimeInterval(3 * 3600))
        #expect(run.first?.minutes == 120)
        #expect(run.first?.readings == 3 && run.first?.maxC == 9)
        // A single out-of-range last reading is a run of zero minutes.
        #expect(WHOAlarms.heat.evaluate(Fixtures.series([5, 9])).excursions.map(\.minutes) == [0])
    }

    @Test func gapsCutRunsWithAMaximumHold() {
        // Two hot readings 11 hours apart: without a limit one 660-minute run (alarm); with a 10-minute hold two
        // 10-minute runs and no alarm.
        let readings = Fixtures.readings([(0, 9), (660, 9), (670, 5)])
        #expect(WHOAlarms.heat.evaluate(readings).isAlarmed)
        let limited = WHOAlarms.heat.evaluate(readings, maxHold: 600)
        #expect(limited.excursions.map(\.minutes) == [10, 10])
        #expect(!limited.isAlarmed)
    }

    @Test func cumulativeModeAddsSeparateRuns() throws {
        let rule = try AlarmRule(kind: .heat, thresholdC: 30, boundary: .inclusive, minutes: 90, mode: .cumulative)
        // Runs of 60, 30 and 60 minutes: the total reaches 90 at the end of the second run.
        let readings = Fixtures.readings([(0, 31), (60, 20), (120, 30), (150, 20), (200, 35), (260, 20)])
        let evaluation = rule.evaluate(readings)
        #expect(evaluation.excursions.map(\.minutes) == [60, 30, 60])
        #expect(evaluation.outOfRangeMinutes == 150)
        #expect(evaluation.triggeredAt == Fixtures.origin.addingTimeInterval(150 * 60))
        #expect(evaluation.alarms.map(\.start) == [Fixtures.origin.addingTimeInterval(120 * 60)])
        var single = rule
        single.mode = .single
        #expect(!single.evaluate(readings).isAlarmed)
    }

    @Test func shippingIndicatorType1() {
        // 4 × 3 h at +31 °C with cool breaks: 720 cumulative minutes at >= +30 °C, no single 60 min at +45 °C.
        var points: [(Double, Double)] = []
        for block in 0..<4 {
            points.append((Double(block) * 300, 31))
            points.append((Double(block) * 300 + 180, 20))
        }
        points.append((1300, 20))
        let results = ShippingIndicatorRule.type1.evaluate(Fixtures.readings(points))
        #expect(results.map(\.isAlarmed) == [false, true, false])
        #expect(results[1].outOfRangeMinutes == 720)
        #expect(results[1].triggeredAt == Fixtures.origin.addingTimeInterval((900 + 60) * 60))
        // The indicator stops after 10 days: heat on day 11 is not seen.
        let late = Fixtures.readings([(0, 5), (11 * 1440, 50), (11 * 1440 + 120, 5)])
        #expect(ShippingIndicatorRule.type1.evaluate(late).allSatisfy { !$0.isAlarmed })
        var unlimited = ShippingIndicatorRule.type1
        unlimited.monitoringDays = nil
        #expect(unlimited.evaluate(late)[0].isAlarmed)
        #expect(ShippingIndicatorRule.type2.rules.map(\.minutes) == [60, 600, 1200])
    }

    @Test func profiles() {
        #expect(TemperatureProfile.presets.map(\.name) == ["2-8", "minus-25-15", "minus-90-60"])
        #expect(TemperatureProfile.preset(named: "minus-90-60") == .ultraLow)
        #expect(TemperatureProfile.preset(named: "8-2") == nil)
        #expect(TemperatureProfile.refrigerated.alarms == WHOAlarms.thirtyDayRecorder)
        #expect(TemperatureProfile.frozen.contains(-20) && !TemperatureProfile.frozen.contains(-14.9))
        let alarms = TemperatureProfile.ultraLow.alarms
        #expect(alarms.map(\.thresholdC) == [-60, -90] && alarms.map(\.minutes) == [60, 60])
    }
}
