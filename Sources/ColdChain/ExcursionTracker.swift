/// Follows the excursions of one device incrementally, reading by reading, as telemetry batches arrive: the
/// per-device, streaming form of ``AlarmRule/evaluate(_:maxHold:)``.
///
/// It keeps one run per single-mode alarm rule of the profile (cumulative rules are not tracked). An excursion is a
/// maximal run of readings for which ``AlarmRule/isOutOfRange(_:)`` holds, from the first such reading to the next
/// in-range reading, or to the latest reading while the run continues; reading *i* holds until reading *i + 1*. Fed
/// the same readings, it finds the same excursions (start, end, minutes) as the whole-series evaluation without a
/// maximum hold.
///
/// The state is small (the last reading time and at most one open run per rule); ``encoded()`` stores it between
/// batches and ``init(profile:restoring:)`` restores it.
public struct ExcursionTracker: Sendable, Hashable {
    /// The single-mode alarm rules tracked, in the profile's order.
    public let rules: [AlarmRule]
    /// The open run of each rule (same indices as ``rules``).
    var runs: [TrackedExcursion?]
    /// The time of the latest reading taken into account, in milliseconds since 1970, or nil before the first.
    public internal(set) var lastReadingTime: Int64?

    /// A tracker with no readings yet, for the single-mode alarm rules of a profile.
    public init(profile: TemperatureProfile) {
        self.rules = profile.alarms.filter { $0.mode == .single }
        self.runs = Array(repeating: nil, count: rules.count)
        self.lastReadingTime = nil
    }

    /// Feeds one reading.
    ///
    /// Times must not go backwards: a reading at or before ``lastReadingTime`` is ignored and returns `[]`, and so is a
    /// reading whose temperature is not finite (a sensor fault, not a temperature).
    ///
    /// - Parameters:
    ///   - time: the reading's time in milliseconds since 1970-01-01 UTC.
    ///   - celsius: the temperature in degrees Celsius.
    /// - Returns: the excursions this reading opened, extended or closed, at most one per rule, in rule order. A closed
    ///   one has `isOpen == false` and ends at this reading.
    public mutating func add(time: Int64, celsius: Double) -> [TrackedExcursion] {
        guard celsius.isFinite else { return [] }
        if let last = lastReadingTime, time <= last { return [] }
        lastReadingTime = time
        var changed: [TrackedExcursion] = []
        for index in rules.indices {
            let rule = rules[index]
            let outside = rule.isOutOfRange(celsius)
            if var run = runs[index] {
                run.end = time
                if outside {
                    run.extremeC = rule.kind == .heat ? Swift.max(run.extremeC, celsius) : Swift.min(run.extremeC, celsius)
                    runs[index] = run
                } else {
                    run.isOpen = false
                    runs[index] = nil
                }
                changed.append(run)
            } else if outside {
                let run = TrackedExcursion(
                    kind: rule.kind, start: time, end: time, isOpen: true, extremeC: celsius, thresholdC: rule.thresholdC)
                runs[index] = run
                changed.append(run)
            }
        }
        return changed
    }

    /// The excursions still running (ending at the latest reading), in rule order.
    public var openExcursions: [TrackedExcursion] { runs.compactMap { $0 } }
}
