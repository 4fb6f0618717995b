/// An excursion as an ``ExcursionTracker`` follows it, reading by reading: a maximal run of out-of-range readings
/// under one single-mode ``AlarmRule``, with times in milliseconds since 1970-01-01 UTC.
///
/// It starts at the first out-of-range reading and ends at the next in-range reading; while the run continues it is
/// open and ends at the latest reading (the same bounds as ``Excursion`` from ``AlarmRule/evaluate(_:maxHold:)``
/// without a maximum hold).
public struct TrackedExcursion: Sendable, Hashable {
    /// Heat or freeze.
    public var kind: AlarmRule.Kind
    /// The time of the first out-of-range reading, in milliseconds since 1970.
    public var start: Int64
    /// The time of the next in-range reading, or of the latest reading while the excursion is open.
    public var end: Int64
    /// Whether the run continues (no in-range reading has followed yet).
    public var isOpen: Bool
    /// The most extreme temperature of the run's readings: the highest for heat, the lowest for freeze.
    public var extremeC: Double
    /// The threshold of the rule the run was tracked under, or nil when unknown. It tells apart runs of two rules of
    /// the same kind (for example above +8 °C and above +25 °C).
    public var thresholdC: Double?

    /// An excursion; see the type's documentation.
    public init(kind: AlarmRule.Kind, start: Int64, end: Int64, isOpen: Bool, extremeC: Double, thresholdC: Double? = nil) {
        self.kind = kind
        self.start = start
        self.end = end
        self.isOpen = isOpen
        self.extremeC = extremeC
        self.thresholdC = thresholdC
    }

    /// The run's length in minutes: `(end - start) / 60_000`.
    public var minutes: Double {
        let (difference, overflow) = end.subtractingReportingOverflow(start)
        return (overflow ? Double(end) - Double(start) : Double(difference)) / 60_000
    }
}
