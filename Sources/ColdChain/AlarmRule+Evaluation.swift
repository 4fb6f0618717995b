import Foundation

extension AlarmRule {
    /// Finds the excursions of a record under this rule and whether they raise the alarm.
    ///
    /// Reading *i* holds until reading *i + 1* (the last reading holds no time). With `maxHold`, a reading holds
    /// at most that long: a longer gap in the record ends a run at the end of the hold (a data gap is never
    /// counted as out of range, and a run does not continue across it).
    ///
    /// - Parameters:
    ///   - readings: readings in strictly increasing time order (as the readers return them).
    ///   - maxHold: the longest time a reading holds, in seconds, or nil for no limit.
    public func evaluate(_ readings: [TemperatureReading], maxHold: TimeInterval? = nil) -> AlarmEvaluation {
        let excursions = runs(in: readings, maxHold: maxHold)
        var total = 0.0
        var triggeredAt: Date?
        var alarms: [Excursion] = []
        for excursion in excursions {
            let runMinutes = excursion.minutes
            switch mode {
            case .single:
                if runMinutes >= minutes {
                    alarms.append(excursion)
                    if triggeredAt == nil { triggeredAt = excursion.start.addingTimeInterval(minutes * 60) }
                }
            case .cumulative:
                if triggeredAt == nil, total + runMinutes >= minutes {
                    triggeredAt = excursion.start.addingTimeInterval((minutes - total) * 60)
                    alarms.append(excursion)
                }
            }
            total += runMinutes
        }
        return AlarmEvaluation(
            rule: self, excursions: excursions, outOfRangeMinutes: total, triggeredAt: triggeredAt, alarms: alarms)
    }

    /// The maximal runs of out-of-range readings.
    func runs(in readings: [TemperatureReading], maxHold: TimeInterval?) -> [Excursion] {
        var result: [Excursion] = []
        var current: Excursion?
        for index in readings.indices {
            let reading = readings[index]
            let next: Date? = index + 1 < readings.count ? readings[index + 1].time : nil
            var holdEnd = next ?? reading.time
            if let next, let maxHold, next.timeIntervalSince(reading.time) > maxHold {
                holdEnd = reading.time.addingTimeInterval(maxHold)
            }
            if isOutOfRange(reading.celsius) {
                if var run = current {
                    run.minC = Swift.min(run.minC, reading.celsius)
                    run.maxC = Swift.max(run.maxC, reading.celsius)
                    run.readings += 1
                    run.end = holdEnd
                    current = run
                } else {
                    current = Excursion(
                        kind: kind, start: reading.time, end: holdEnd, minC: reading.celsius, maxC: reading.celsius,
                        readings: 1)
                }
                // The record ends, or a gap cuts the run at the end of this reading's hold.
                if next == nil || holdEnd != next, let run = current {
                    result.append(run)
                    current = nil
                }
            } else if let run = current {
                result.append(run)
                current = nil
            }
        }
        return result
    }
}
