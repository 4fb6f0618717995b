import ColdChain
import Foundation
import JSON
import Testing

/// The whole analysis and its JSON form (the `dvc coldchain analyze --json` contract), and daily statistics.
@Suite struct ColdChainAnalysisTests {
    @Test func jsonMatchesTheContract() throws {
        // Hourly: 5, then 11 hours above +8 (alarm), then 4, -1 for 2 hours (freeze alarm), then 5.
        let temperatures = [5.0] + Array(repeating: 9.0, count: 11) + [4, -1, -1, 5]
        let analysis = try ColdChainAnalysis.analyze(
            Fixtures.series(temperatures), profile: .refrigerated, vvm: CalculatedVVM(category: .vvm14))
        let json = JSONSerializer.serializeToString(analysis.json)
        let expectedMean = temperatures.reduce(0, +) / Double(temperatures.count)
        #expect(analysis.readings == 16)
        #expect(abs(analysis.meanC - expectedMean) < 1e-12)
        #expect(analysis.alarms.map(\.kind) == [.heat, .freeze])
        #expect(analysis.alarms.map(\.minutes) == [660, 120])
        let value = try JSONParser.parse(json)
        #expect(value.objectValue?.keys == ["readings", "start", "end", "minC", "maxC", "meanC", "mktC", "alarms", "vvm"])
        #expect(value["start"]?.stringValue == "2024-01-01T00:00:00Z")
        #expect(value["end"]?.stringValue == "2024-01-01T15:00:00Z")
        #expect(value["minC"]?.doubleValue == -1 && value["maxC"]?.doubleValue == 9)
        let alarms = try #require(value["alarms"]?.arrayValue)
        #expect(alarms.count == 2)
        #expect(alarms[0]["kind"]?.stringValue == "heat")
        #expect(alarms[0]["start"]?.stringValue == "2024-01-01T01:00:00Z")
        #expect(alarms[0]["end"]?.stringValue == "2024-01-01T12:00:00Z")
        #expect(alarms[0]["minutes"]?.doubleValue == 660)
        #expect(alarms[1]["kind"]?.stringValue == "freeze")
        #expect(alarms[1]["start"]?.stringValue == "2024-01-01T13:00:00Z")
        #expect(value["vvm"]?["type"]?.stringValue == "VVM14")
        let used = try #require(value["vvm"]?["usedPercent"]?.doubleValue)
        #expect(abs(used - (try #require(analysis.vvmUsedFraction)) * 100) < 0.0001)
        #expect(used > 0)
        let withoutVVM = try ColdChainAnalysis.analyze(Fixtures.series([5, 6]))
        #expect(withoutVVM.json["vvm"] == .null)
        #expect(withoutVVM.json["alarms"]?.arrayValue?.isEmpty == true)
    }

    @Test func profileSelectsTheRules() throws {
        let readings = Fixtures.series([-70, -55, -55, -70])
        #expect(try ColdChainAnalysis.analyze(readings, profile: .ultraLow).alarms.map(\.minutes) == [120])
        #expect(try ColdChainAnalysis.analyze(readings, profile: .refrigerated).alarms.map(\.kind) == [.freeze])
    }

    @Test func invalidRecords() {
        #expect(throws: ColdChainError(.noReadings, "")) { try ColdChainAnalysis.analyze([]) }
        let backwards = Fixtures.readings([(10, 5), (0, 5)])
        #expect(throws: ColdChainError(.timeOrder, "")) { try ColdChainAnalysis.analyze(backwards) }
        let implausible = Fixtures.readings([(0, 5), (10, .infinity)])
        #expect(throws: ColdChainError(.temperatureOutOfRange, "")) { try ColdChainAnalysis.analyze(implausible) }
    }

    @Test func dailyStatisticsSplitHoldsAtMidnight() {
        // 22:00 at 9 °C, 02:00 next day at 5 °C: 120 heat minutes on each day.
        let readings = Fixtures.readings([(22 * 60, 9), (26 * 60, 5), (27 * 60, 7)])
        let days = DailyStatistics.compute(readings, rules: [WHOAlarms.heat])
        #expect(days.map(\.day) == ["2024-01-01", "2024-01-02"])
        #expect(days.map(\.outOfRangeMinutes) == [[120], [120]])
        #expect(days.map(\.readings) == [1, 2])
        #expect(days[1].minC == 5 && days[1].maxC == 7 && days[1].meanC == 6)
        // At UTC+03:00 everything falls on 2 January.
        let shifted = DailyStatistics.compute(readings, rules: [WHOAlarms.heat], utcOffsetSeconds: 3 * 3600)
        #expect(shifted.map(\.day) == ["2024-01-02"])
        // With a 30-minute hold the hot reading counts 30 minutes, and the last one holds 30 minutes too.
        let held = DailyStatistics.compute(readings, rules: [WHOAlarms.heat], maxHold: 1800)
        #expect(held.map(\.outOfRangeMinutes) == [[30], [0]])
    }
}
