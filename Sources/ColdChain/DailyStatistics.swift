import Foundation

/// Per-day statistics of a record, as a 30-day temperature recorder reports them: minimum, maximum and mean of
/// the day's readings and, per alarm rule, the minutes out of range that day (`t Acc`).
public struct DailyStatistics: Sendable, Hashable {
    /// The day, `YYYY-MM-DD`, at the offset the statistics were computed for.
    public var day: String
    /// The number of readings taken that day.
    public var readings: Int
    /// The lowest reading of the day (nil when the day has no reading).
    public var minC: Double?
    /// The highest reading of the day.
    public var maxC: Double?
    /// The mean of the day's readings.
    public var meanC: Double?
    /// Minutes out of range that day, one entry per rule in the order given.
    public var outOfRangeMinutes: [Double]

    /// Statistics per day (ascending), at a fixed UTC offset.
    ///
    /// A reading holds until the next one (at most `maxHold` seconds; the last one holds `maxHold`, or nothing
    /// without it); holds are split at midnight, so a day can have out-of-range minutes without a reading.
    public static func compute(
        _ readings: [TemperatureReading], rules: [AlarmRule], utcOffsetSeconds: Int = 0,
        maxHold: TimeInterval? = nil
    ) -> [DailyStatistics] {
        var days: [Int: Accumulator] = [:]
        let offset = Double(utcOffsetSeconds)
        for index in readings.indices {
            let reading = readings[index]
            let day = CivilTime.dayNumber(of: reading.time, offsetSeconds: utcOffsetSeconds)
            days[day, default: Accumulator(ruleCount: rules.count)].add(reading.celsius)
            let next: Date? = index + 1 < readings.count ? readings[index + 1].time : nil
            let holdEnd: Date
            switch (next, maxHold) {
            case let (next?, maxHold?): holdEnd = Swift.min(next, reading.time.addingTimeInterval(maxHold))
            case let (next?, nil): holdEnd = next
            case let (nil, maxHold?): holdEnd = reading.time.addingTimeInterval(maxHold)
            case (nil, nil): holdEnd = reading.time
            }
            guard rules.contains(where: { $0.isOutOfRange(reading.celsius) }) else { continue }
            var from = reading.time.timeIntervalSince1970 + offset
            let to = holdEnd.timeIntervalSince1970 + offset
            while from < to {
                let dayNumber = Int((from / 86_400).rounded(.down))
                let dayEnd = Double(dayNumber + 1) * 86_400
                let piece = (Swift.min(to, dayEnd) - from) / 60
                for (ruleIndex, rule) in rules.enumerated() where rule.isOutOfRange(reading.celsius) {
                    days[dayNumber, default: Accumulator(ruleCount: rules.count)].minutes[ruleIndex] += piece
                }
                from = dayEnd
            }
        }
        return days.keys.sorted().compactMap { key in
            guard let accumulator = days[key] else { return nil }
            return DailyStatistics(
                day: CivilTime.formatDay(key), readings: accumulator.count, minC: accumulator.minC,
                maxC: accumulator.maxC, meanC: accumulator.count > 0 ? accumulator.sum / Double(accumulator.count) : nil,
                outOfRangeMinutes: accumulator.minutes)
        }
    }

    private struct Accumulator {
        var count = 0
        var sum = 0.0
        var minC: Double?
        var maxC: Double?
        var minutes: [Double]

        init(ruleCount: Int) { minutes = Array(repeating: 0, count: ruleCount) }

        mutating func add(_ celsius: Double) {
            count += 1
            sum += celsius
            minC = Swift.min(minC ?? celsius, celsius)
            maxC = Swift.max(maxC ?? celsius, celsius)
        }
    }
}
