import Foundation

/// The content of a Berlinger Fridge-tag (2, 2 L, Ultra Low) or Q-tag (CLm doc LR) USB text export: device
/// configuration, the device's own alarm limits, daily history (`Hist:`), run summary (`Res:`), device alarm
/// events and, where the device logs them, the readings (`Data:`).
public struct BerlingerExport: Sendable, Hashable {
    /// One configured alarm limit (`Conf:` / `Alarm:`).
    public struct AlarmLimit: Sendable, Hashable {
        /// The alarm's number in the file (`0`, `1` on a Fridge-tag; `1`...`5` on a Q-tag).
        public var index: Int
        /// The rule it describes. The devices count only temperatures strictly beyond the limit (a Fridge-tag
        /// writes "lower limit < -0.5 °C"; readings equal to the limit are not flagged out of limits), so the
        /// boundary is `exclusive`.
        public var rule: AlarmRule
    }

    /// One alarm of one history day (`Hist:` / day / `Alarm:`).
    public struct DayAlarm: Sendable, Hashable {
        /// The alarm's number, matching ``AlarmLimit/index``.
        public var index: Int
        /// Minutes out of range that day (`t Acc`), whether or not they raised an alarm.
        public var accumulatedMinutes: Int
        /// When the alarm was active that day, in minutes after midnight (`TS A`; 0 when it continued from the
        /// day before), or nil when it was not.
        public var activatedAtMinute: Int?
    }

    /// One day of the device's history.
    public struct Day: Sendable, Hashable {
        /// `YYYY-MM-DD` (device local time).
        public var date: String
        /// The day's lowest temperature (`Min T`).
        public var minC: Double?
        /// The day's highest temperature (`Max T`).
        public var maxC: Double?
        /// The day's mean temperature (`Avrg T`; the devices appear to truncate it to 0.1 °C).
        public var meanC: Double?
        /// The day's alarms, in file order.
        public var alarms: [DayAlarm]
    }

    /// The summary of a Q-tag run (`Res:`).
    public struct Summary: Sendable, Hashable {
        /// Lowest temperature of the run.
        public var minC: Double?
        /// Highest temperature of the run.
        public var maxC: Double?
        /// Mean temperature of the run.
        public var meanC: Double?
        /// The device's mean kinetic temperature (apparently truncated to 0.1 °C).
        public var mktC: Double?
    }

    /// One alarm event of a Q-tag run (`Res:` / `Alarm:`).
    public struct AlarmEvent: Sendable, Hashable {
        /// The alarm's number, matching ``AlarmLimit/index``.
        public var index: Int
        /// When the temperature first went out of range (`TS S`).
        public var start: Date?
        /// Minutes out of range (`t A`).
        public var minutes: Int?
        /// When the alarm went off (`TS A`).
        public var activatedAt: Date?
        /// When the temperature came back in range (`TS E`), or nil if it did not before the run stopped.
        public var end: Date?
    }

    /// The `Device:` line, for example `Q-tag Fridge-tag 2`.
    public var device: String
    /// The logger's serial number (`Conf:` / `Serial:`).
    public var serial: String?
    /// Minutes between logged readings (`Logging Interval`), when the device logs a series.
    public var loggingIntervalMinutes: Int?
    /// ΔH in kJ/mol the device uses for its MKT (`MKT Energy`).
    public var mktActivationEnergyKJPerMole: Double?
    /// The configured alarm limits (disabled Q-tag alarms, `Type: 0`, are left out).
    public var alarmLimits: [AlarmLimit]
    /// The daily history, in file order (newest first on a Fridge-tag).
    public var days: [Day]
    /// The Q-tag run summary.
    public var summary: Summary?
    /// The Q-tag alarm events.
    public var alarmEvents: [AlarmEvent]
    /// The logged readings, in time order (readings the device logged as `--.-` are left out).
    public var readings: [TemperatureReading]
    /// How many logged readings had no temperature (`--.-`).
    public var missingReadings: Int

    /// The alarm rules of the configured limits, in file order.
    public var alarmRules: [AlarmRule] { alarmLimits.map(\.rule) }

    /// The longest hold that fits the device's logging: twice the logging interval, in seconds (a longer gap
    /// between logged readings is a gap in the record), or nil without a logging interval.
    public var maxHold: TimeInterval? { loggingIntervalMinutes.map { Double($0) * 120 } }
}
