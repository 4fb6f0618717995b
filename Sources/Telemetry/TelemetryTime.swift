/// Telemetry times: integer milliseconds since 1970-01-01T00:00:00Z (Unix time in ms, UTC, leap seconds ignored).
///
/// Milliseconds rather than seconds because loggers sample as often as every second and trackers stamp fixes
/// to the millisecond, and because it is what IoT platforms commonly send (ThingsBoard `ts`). Valid times are
/// 0 (1970-01-01) to ``maximum`` (9999-12-31T23:59:59.999Z).
public enum TelemetryTime {
    /// 9999-12-31T23:59:59.999Z in milliseconds.
    public static let maximum: Int64 = 253_402_300_799_999

    static func validate(_ time: Int64, field: @autoclosure () -> String) throws(TelemetryError) {
        guard time >= 0, time <= maximum else {
            throw .outOfRange(field(), "0...253402300799999 (ms since 1970, up to year 9999)")
        }
    }
}
