import Foundation

/// The outcome of one ``AlarmRule`` over a record of readings.
public struct AlarmEvaluation: Sendable, Hashable {
    /// The rule evaluated.
    public var rule: AlarmRule
    /// Every excursion under the rule, in time order.
    public var excursions: [Excursion]
    /// Minutes out of range in total (the sum of the excursions' minutes).
    public var outOfRangeMinutes: Double
    /// When the alarm went off (the moment the single run, or the running total, reached the rule's minutes),
    /// or nil when it did not.
    public var triggeredAt: Date?
    /// The excursions that raised an alarm: in `single` mode every run that reached the rule's minutes; in
    /// `cumulative` mode the run during which the total reached them.
    public var alarms: [Excursion]

    /// Whether the rule raised an alarm.
    public var isAlarmed: Bool { triggeredAt != nil }
}
