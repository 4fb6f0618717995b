/// One alarm rule of a temperature monitor: which side of a threshold is out of range, whether the threshold
/// itself counts, how many minutes make an alarm, and whether those minutes must be one continuous run.
///
/// Examples: the WHO 30-day temperature recorder heat alarm (above +8.0 °C for 600 continuous minutes, see
/// ``WHOAlarms``) and the shipping-indicator rules (see ``ShippingIndicatorRule``).
public struct AlarmRule: Sendable, Hashable {
    /// The side of the threshold that is out of range.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Too warm: above (or at) the threshold.
        case heat
        /// Too cold: below (or at) the threshold.
        case freeze
    }

    /// Whether a temperature equal to the threshold is out of range.
    public enum Boundary: String, Sendable, Hashable, CaseIterable {
        /// The threshold itself is out of range (`>=` for heat, `<=` for freeze).
        case inclusive
        /// Only temperatures strictly beyond the threshold are out of range (`>` for heat, `<` for freeze).
        case exclusive
    }

    /// How out-of-range minutes add up to an alarm.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// One continuous excursion must last the given minutes.
        case single
        /// All out-of-range minutes of the record add up.
        case cumulative
    }

    /// The side of the threshold that is out of range.
    public var kind: Kind
    /// The threshold in degrees Celsius.
    public var thresholdC: Double
    /// Whether the threshold itself is out of range.
    public var boundary: Boundary
    /// Minutes out of range that raise the alarm (reached, not exceeded).
    public var minutes: Double
    /// Single continuous event or cumulative.
    public var mode: Mode

    /// A rule; `minutes` must be positive and finite and `thresholdC` finite.
    public init(kind: Kind, thresholdC: Double, boundary: Boundary, minutes: Double, mode: Mode = .single) throws {
        guard thresholdC.isFinite else {
            throw ColdChainError(.invalidParameter, "expected a finite alarm threshold, found \(thresholdC)")
        }
        guard minutes.isFinite, minutes > 0 else {
            throw ColdChainError(.invalidParameter, "expected positive alarm minutes, found \(minutes)")
        }
        self.init(uncheckedKind: kind, thresholdC: thresholdC, boundary: boundary, minutes: minutes, mode: mode)
    }

    /// A rule from constants known to be valid.
    init(uncheckedKind kind: Kind, thresholdC: Double, boundary: Boundary, minutes: Double, mode: Mode) {
        self.kind = kind
        self.thresholdC = thresholdC
        self.boundary = boundary
        self.minutes = minutes
        self.mode = mode
    }

    /// Whether a temperature is out of range under this rule.
    public func isOutOfRange(_ celsius: Double) -> Bool {
        switch (kind, boundary) {
        case (.heat, .inclusive): return celsius >= thresholdC
        case (.heat, .exclusive): return celsius > thresholdC
        case (.freeze, .inclusive): return celsius <= thresholdC
        case (.freeze, .exclusive): return celsius < thresholdC
        }
    }

    /// The comparison as an operator: `>`, `>=`, `<` or `<=`.
    public var comparisonOperator: String {
        switch (kind, boundary) {
        case (.heat, .inclusive): return ">="
        case (.heat, .exclusive): return ">"
        case (.freeze, .inclusive): return "<="
        case (.freeze, .exclusive): return "<"
        }
    }
}
