import Foundation

/// The alarm rules of an electronic shipping indicator (WHO PQS E006/TR07, for international shipments of up
/// to 10 days): a mix of single-event and cumulative rules, all counting the threshold itself as out of range.
public struct ShippingIndicatorRule: Sendable, Hashable {
    /// A short name, for example `type1`.
    public var name: String
    /// The rules, each evaluated independently.
    public var rules: [AlarmRule]
    /// How long the indicator monitors after its first reading, in days (nil: the whole record).
    public var monitoringDays: Double?

    /// An indicator with its rules.
    public init(name: String, rules: [AlarmRule], monitoringDays: Double? = 10) {
        self.name = name
        self.rules = rules
        self.monitoringDays = monitoringDays
    }

    /// Type 1 (freeze-sensitive vaccines: DTP, HepB, IPV, Hib liquid, HPV, PCV ...): >= +45 °C for 60 min single,
    /// >= +30 °C for 600 min cumulative, <= -0.5 °C for 60 min single.
    public static let type1 = ShippingIndicatorRule(
        name: "type1",
        rules: [
            AlarmRule(uncheckedKind: .heat, thresholdC: 45, boundary: .inclusive, minutes: 60, mode: .single),
            AlarmRule(uncheckedKind: .heat, thresholdC: 30, boundary: .inclusive, minutes: 600, mode: .cumulative),
            AlarmRule(uncheckedKind: .freeze, thresholdC: -0.5, boundary: .inclusive, minutes: 60, mode: .single),
        ])

    /// Type 2 (vaccines shipped on frozen packs: OPV, BCG, MR, YF ...): >= +45 °C for 60 min single,
    /// >= +30 °C for 600 min cumulative, >= +10 °C for 1200 min cumulative.
    public static let type2 = ShippingIndicatorRule(
        name: "type2",
        rules: [
            AlarmRule(uncheckedKind: .heat, thresholdC: 45, boundary: .inclusive, minutes: 60, mode: .single),
            AlarmRule(uncheckedKind: .heat, thresholdC: 30, boundary: .inclusive, minutes: 600, mode: .cumulative),
            AlarmRule(uncheckedKind: .heat, thresholdC: 10, boundary: .inclusive, minutes: 1200, mode: .cumulative),
        ])

    /// Evaluates every rule over the monitored part of the record: readings up to `monitoringDays` after the
    /// first one (the indicator stops then).
    public func evaluate(_ readings: [TemperatureReading], maxHold: TimeInterval? = nil) -> [AlarmEvaluation] {
        var monitored = readings
        if let monitoringDays, let first = readings.first {
            let stop = first.time.addingTimeInterval(monitoringDays * 86_400)
            monitored = readings.filter { $0.time <= stop }
        }
        return rules.map { $0.evaluate(monitored, maxHold: maxHold) }
    }
}
