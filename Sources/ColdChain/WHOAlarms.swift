/// The alarm rules of the WHO-type 30-day temperature recorder (30DTR) for refrigerators (WHO PQS E006),
/// as a factory-preset Berlinger Fridge-tag 2 reports them (`T AL: -0.5, t AL: 60` and `T AL: +8.0, t AL: 600`).
public enum WHOAlarms {
    /// Heat alarm: above +8.0 °C for 600 continuous minutes (10 h).
    public static let heat = AlarmRule(
        uncheckedKind: .heat, thresholdC: 8.0, boundary: .exclusive, minutes: 600, mode: .single)

    /// Freeze alarm: at or below -0.5 °C for 60 continuous minutes.
    public static let freeze = AlarmRule(
        uncheckedKind: .freeze, thresholdC: -0.5, boundary: .inclusive, minutes: 60, mode: .single)

    /// Both 30DTR rules, heat first.
    public static let thirtyDayRecorder: [AlarmRule] = [heat, freeze]

    /// The 30DTR rules with the threshold comparison chosen: `inclusive` counts the threshold itself as out of
    /// range for both (>= +8.0, <= -0.5), `exclusive` does not (> +8.0, < -0.5).
    public static func thirtyDayRecorder(boundary: AlarmRule.Boundary) -> [AlarmRule] {
        thirtyDayRecorder.map { rule in
            var rule = rule
            rule.boundary = boundary
            return rule
        }
    }
}
