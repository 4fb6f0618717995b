import Foundation

/// A maximal run of out-of-range readings under one ``AlarmRule``.
///
/// It starts at the first out-of-range reading and ends at the next in-range reading, or at the last reading
/// when the run reaches the end of the record (or, with a maximum hold, where a gap in the record cuts it).
public struct Excursion: Sendable, Hashable {
    /// Heat or freeze.
    public var kind: AlarmRule.Kind
    /// The time of the first out-of-range reading.
    public var start: Date
    /// The time of the next in-range reading, or the end of the record (or of the last reading's hold).
    public var end: Date
    /// The lowest temperature of the run's readings.
    public var minC: Double
    /// The highest temperature of the run's readings.
    public var maxC: Double
    /// The number of out-of-range readings in the run.
    public var readings: Int

    /// A run; see the type's documentation.
    public init(kind: AlarmRule.Kind, start: Date, end: Date, minC: Double, maxC: Double, readings: Int) {
        self.kind = kind
        self.start = start
        self.end = end
        self.minC = minC
        self.maxC = maxC
        self.readings = readings
    }

    /// The run's length in minutes.
    public var minutes: Double { end.timeIntervalSince(start) / 60 }
}
