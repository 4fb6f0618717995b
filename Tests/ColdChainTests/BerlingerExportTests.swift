import ColdChain
import Foundation
import Testing

/// Reads the real Berlinger exports and compares what the analysis computes from their logged series with the
/// devices' own daily statistics, alarms and run summaries.
///
/// The devices measure every minute but log every 5 or 10 minutes, so the logged series is a subset of what the
/// device saw: its daily minimum (maximum) can only be at or above (below) the device's, out-of-range minutes
/// and alarm times agree within three logging intervals, and the mean of a fully logged day within 0.15 °C (the
/// devices truncate it to 0.1 °C).
@Suite struct BerlingerExportTests {
    @Test(arguments: Fixtures.berlingerFiles)
    func everyExportParses(path: String) throws {
        let export = try Fixtures.berlinger(path)
        #expect(export.device.hasPrefix("Q-tag"))
        #expect(export.serial?.isEmpty == false)
        #expect(!export.alarmLimits.isEmpty)
        #expect(!export.days.isEmpty || export.summary != nil)
        for day in export.days {
            let minC = try #require(day.minC, "\(path) \(day.date)")
            let maxC = try #require(day.maxC)
            let meanC = try #require(day.meanC)
            #expect(minC <= meanC + 0.1 && meanC <= maxC + 0.1, "\(path) \(day.date)")
            #expect(day.alarms.count == export.alarmLimits.count, "\(path) \(day.date)")
            for alarm in day.alarms {
                #expect((0...1440).contains(alarm.accumulatedMinutes))
                if alarm.activatedAtMinute != nil { #expect(alarm.accumulatedMinutes > 0, "\(path) \(day.date)") }
            }
        }
    }

    @Test func fridgeTag2Configuration() throws {
        for path in Fixtures.berlingerFiles.prefix(2) {
            let export = try Fixtures.berlinger(path)
            #expect(export.device == "Q-tag Fridge-tag 2")
            #expect(export.readings.isEmpty && export.loggingIntervalMinutes == nil)
            // The factory preset is the WHO 30DTR pair, but the device counts only temperatures beyond the limit.
            #expect(export.alarmRules == WHOAlarms.thirtyDayRecorder(boundary: .exclusive).reversed())
        }
        let first = try Fixtures.berlinger(Fixtures.berlingerFiles[0])
        #expect(first.days.count == 60)
        let newest = try #require(first.days.first)
        #expect(newest.date == "2023-02-14")
        #expect(newest.minC == 18.0 && newest.maxC == 18.8 && newest.meanC == 18.5)
        #expect(newest.alarms.map(\.accumulatedMinutes) == [0, 366])
        #expect(newest.alarms.map(\.activatedAtMinute) == [nil, 0])
        let second = try Fixtures.berlinger(Fixtures.berlingerFiles[1])
        #expect(second.days.map(\.date) == ["2023-04-20", "2023-04-19", "2023-04-18", "2023-04-17"])
        #expect(second.days.map { $0.alarms[1].accumulatedMinutes } == [0, 0, 2, 8])
    }

    /// Fridge-tag 2 files keep no series; their own history must follow the 30DTR single-event rule: a day
    /// wholly out of range (1440 min) under a rule of at most 1440 min is an alarm day, and short daily totals
    /// below the rule's minutes that do not continue from the day before never are.
    @Test func fridgeTag2HistoryFollowsTheSingleEventRule() throws {
        for path in Fixtures.berlingerFiles.prefix(2) {
            let export = try Fixtures.berlinger(path)
            let chronological = Array(export.days.reversed())
            for (offset, day) in chronological.enumerated() {
                for (alarm, limit) in zip(day.alarms, export.alarmLimits) {
                    if alarm.accumulatedMinutes == 1440, limit.rule.minutes <= 1440 {
                        #expect(alarm.activatedAtMinute != nil, "\(path) \(day.date) alarm \(alarm.index)")
                    }
                    let previous = offset > 0 ? chronological[offset - 1].alarms[alarm.index].accumulatedMinutes : 0
                    if Double(alarm.accumulatedMinutes) < limit.rule.minutes, previous == 0 {
                        #expect(alarm.activatedAtMinute == nil, "\(path) \(day.date) alarm \(alarm.index)")
                    }
                }
            }
        }
    }

    @Test(arguments: [Fixtures.berlingerFiles[2], Fixtures.berlingerFiles[3]])
    func dailyStatisticsMatchTheDevice(path: String) throws {
        let export = try Fixtures.berlinger(path)
        let interval = Double(try #require(export.loggingIntervalMinutes))
        let rules = export.alarmRules
        let computed = DailyStatistics.compute(export.readings, rules: rules, maxHold: interval * 60)
        var compared = 0
        for day in export.days {
            let mine = try #require(computed.first { $0.day == day.date }, "\(path): no readings on \(day.date)")
            let deviceMin = try #require(day.minC)
            let deviceMax = try #require(day.maxC)
            let mineMin = try #require(mine.minC)
            let mineMax = try #require(mine.maxC)
            #expect(mineMin >= deviceMin - 0.05 && mineMax <= deviceMax + 0.05, "\(path) \(day.date)")
            if Double(mine.readings) == 1440 / interval {
                #expect(abs(try #require(mine.meanC) - (try #require(day.meanC))) <= 0.15, "\(path) \(day.date)")
            }
            for (alarm, minutes) in zip(day.alarms, mine.outOfRangeMinutes) {
                #expect(abs(Double(alarm.accumulatedMinutes) - minutes) <= 3 * interval,
                        "\(path) \(day.date) alarm \(alarm.index): device \(alarm.accumulatedMinutes), computed \(minutes)")
            }
            compared += 1
        }
        #expect(compared == export.days.count && compared >= 4)
    }

    /// A day shows an alarm (`TS A`) exactly when a computed alarm is in effect that day; a `TS A` later than
    /// midnight matches the computed activation time within three logging intervals.
    @Test(arguments: [Fixtures.berlingerFiles[2], Fixtures.berlingerFiles[3]])
    func dailyAlarmsMatchTheDevice(path: String) throws {
        let export = try Fixtures.berlinger(path)
        let interval = Double(try #require(export.loggingIntervalMinutes))
        let tolerance = 3 * interval * 60
        var alarmDays = 0
        for (position, limit) in export.alarmLimits.enumerated() {
            let evaluation = limit.rule.evaluate(export.readings, maxHold: export.maxHold)
            // (activation, end) of each alarmed run.
            let active = evaluation.alarms.map { ($0.start.addingTimeInterval(limit.rule.minutes * 60), $0.end) }
            for day in export.days {
                let dayStart = Date(timeIntervalSince1970: Double(try dayNumber(day.date)) * 86_400)
                let dayEnd = dayStart.addingTimeInterval(86_400)
                let inEffect = active.filter { $0.0 < dayEnd && $0.1 > dayStart }
                let device = day.alarms[position]
                #expect((device.activatedAtMinute != nil) == !inEffect.isEmpty,
                        "\(path) \(day.date) alarm \(limit.index): device \(String(describing: device.activatedAtMinute))")
                guard let minute = device.activatedAtMinute, let first = inEffect.first else { continue }
                alarmDays += 1
                let computed = max(first.0, dayStart)
                let deviceTime = dayStart.addingTimeInterval(Double(minute) * 60)
                #expect(abs(computed.timeIntervalSince(deviceTime)) <= tolerance,
                        "\(path) \(day.date) alarm \(limit.index): device \(deviceTime), computed \(computed)")
            }
        }
        #expect(alarmDays >= 4)
    }

    @Test(arguments: [Fixtures.berlingerFiles[4], Fixtures.berlingerFiles[5]])
    func qTagSummaryMatchesTheDevice(path: String) throws {
        let export = try Fixtures.berlinger(path)
        let summary = try #require(export.summary)
        let energy = try #require(export.mktActivationEnergyKJPerMole)
        let analysis = try ColdChainAnalysis.analyze(
            export.readings, maxHold: export.maxHold,
            mktActivationEnergyOverR: MeanKineticTemperature.activationEnergyOverR(kilojoulesPerMole: energy))
        #expect(analysis.minC >= (try #require(summary.minC)) - 0.05)
        #expect(analysis.maxC <= (try #require(summary.maxC)) + 0.05)
        #expect(abs(analysis.meanC - (try #require(summary.meanC))) <= 0.1)
        // The device truncates its MKT to 0.1 °C.
        let deviceMKT = try #require(summary.mktC)
        #expect(analysis.mktC >= deviceMKT && analysis.mktC < deviceMKT + 0.1, "\(analysis.mktC) vs \(deviceMKT)")
    }

    /// Every device alarm event matches a computed alarm (start within one logging interval); every computed
    /// single-event alarm that lasts at least one interval longer than the rule, up to the device's last listed
    /// event, is one of the device's.
    @Test(arguments: [Fixtures.berlingerFiles[4], Fixtures.berlingerFiles[5]])
    func qTagAlarmEventsMatchTheDevice(path: String) throws {
        let export = try Fixtures.berlinger(path)
        let interval = Double(try #require(export.loggingIntervalMinutes)) * 60
        var matched = 0
        for limit in export.alarmLimits {
            let evaluation = limit.rule.evaluate(export.readings, maxHold: export.maxHold)
            let events = export.alarmEvents.filter { $0.index == limit.index && $0.start != nil }
            switch limit.rule.mode {
            case .single:
                for event in events {
                    let start = try #require(event.start)
                    #expect(evaluation.alarms.contains { abs($0.start.timeIntervalSince(start)) <= interval },
                            "\(path) alarm \(limit.index) at \(start)")
                    matched += 1
                }
                // The device lists a few events per alarm (three at most in these files): runs after its last
                // listed event are not compared.
                let lastListed = events.compactMap(\.start).max() ?? .distantPast
                for alarm in evaluation.alarms
                where alarm.minutes >= limit.rule.minutes + interval / 60 && alarm.start <= lastListed {
                    #expect(events.contains { abs(($0.start ?? .distantPast).timeIntervalSince(alarm.start)) <= interval },
                            "\(path) alarm \(limit.index): computed run at \(alarm.start) not in the file")
                }
            case .cumulative:
                #expect(events.count <= 1)
                if let event = events.first {
                    let deviceActivation = try #require(event.activatedAt)
                    let computed = try #require(evaluation.triggeredAt, "\(path) alarm \(limit.index)")
                    #expect(abs(computed.timeIntervalSince(deviceActivation)) <= interval)
                    matched += 1
                } else {
                    #expect(evaluation.triggeredAt == nil, "\(path) alarm \(limit.index)")
                }
            }
        }
        #expect(matched >= 2)
    }

    private func dayNumber(_ text: String) throws -> Int {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        #expect(parts.count == 3)
        let components = DateComponents(
            calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"), year: parts[0],
            month: parts[1], day: parts[2])
        let date = try #require(components.date)
        return Int(date.timeIntervalSince1970 / 86_400)
    }
}
