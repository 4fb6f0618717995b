import CivilCalendar
import Foundation

/// Calendar arithmetic on the proleptic Gregorian calendar with fixed UTC offsets, without locale or time-zone
/// databases: parsing ISO 8601 timestamps and logger dates, and formatting UTC timestamps and day keys.
enum CivilTime {
    /// Parses an ISO 8601 / RFC 3339 timestamp with an offset: `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|+HH:MM|-HH:MM)`.
    /// A space may replace the `T`; `+HHMM` is accepted. Returns nil on anything else.
    static func parseISO8601(_ text: Substring) -> Date? {
        let bytes = Array(text.utf8.prefix(64))
        guard text.utf8.count <= 64 else { return nil }
        var scanner = Scanner(bytes: bytes)
        guard let (year, month, day) = scanner.date(),
              scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: "t")) || scanner.take(UInt8(ascii: " ")),
              let (hour, minute, second) = scanner.time(allowSeconds: true)
        else { return nil }
        var offsetSeconds = 0
        if scanner.take(UInt8(ascii: "Z")) || scanner.take(UInt8(ascii: "z")) {
            offsetSeconds = 0
        } else if let sign = scanner.sign() {
            guard let hours = scanner.digits(2), hours <= 23 else { return nil }
            _ = scanner.take(UInt8(ascii: ":"))
            guard let minutes = scanner.digits(2), minutes <= 59 else { return nil }
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        guard scanner.atEnd else { return nil }
        return date(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                    offsetSeconds: offsetSeconds)
    }

    /// Parses a logger's local `yyyy-MM-dd hh:mm` at a fixed UTC offset.
    static func parseLoggerDateTime(_ text: Substring, offsetSeconds: Int) -> Date? {
        let bytes = Array(text.utf8.prefix(32))
        guard text.utf8.count <= 32 else { return nil }
        var scanner = Scanner(bytes: bytes)
        guard let (year, month, day) = scanner.date(), scanner.take(UInt8(ascii: " ")),
              let (hour, minute, second) = scanner.time(allowSeconds: false), scanner.atEnd
        else { return nil }
        return date(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                    offsetSeconds: offsetSeconds)
    }

    /// Parses a `yyyy-MM-dd` day; returns the day count since 1970-01-01.
    static func parseDay(_ text: Substring) -> Int? {
        var scanner = Scanner(bytes: Array(text.utf8.prefix(16)))
        guard text.utf8.count <= 16, let (year, month, day) = scanner.date(), scanner.atEnd else { return nil }
        return CivilCalendar.dayNumber(year: year, month: month, day: day)
    }

    /// Parses a logger's `hh:mm` time of day; returns minutes since midnight.
    static func parseClock(_ text: Substring) -> Int? {
        var scanner = Scanner(bytes: Array(text.utf8.prefix(8)))
        guard text.utf8.count <= 8, let (hour, minute, _) = scanner.time(allowSeconds: false), scanner.atEnd
        else { return nil }
        return hour * 60 + minute
    }

    private static func date(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double,
                             offsetSeconds: Int) -> Date {
        let dayCount = CivilCalendar.dayNumber(year: year, month: month, day: day)
        let local = Double(dayCount) * 86_400 + Double(hour * 3600 + minute * 60) + second
        return Date(timeIntervalSince1970: local - Double(offsetSeconds))
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds; fractions are rounded down).
    static func formatUTC(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let dayCount = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let secondOfDay = seconds - dayCount * 86_400
        let (year, month, day) = CivilCalendar.date(dayNumber: dayCount)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
            + "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))Z"
    }

    /// The day count since 1970-01-01 of a moment seen at a fixed UTC offset.
    static func dayNumber(of date: Date, offsetSeconds: Int) -> Int {
        let local = date.timeIntervalSince1970 + Double(offsetSeconds)
        return Int((local / 86_400).rounded(.down))
    }

    /// `YYYY-MM-DD` of a day count.
    static func formatDay(_ dayCount: Int) -> String {
        let (year, month, day) = CivilCalendar.date(dayNumber: dayCount)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// A byte scanner for the fixed-width fields of timestamps.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func sign() -> Int? {
            if take(UInt8(ascii: "+")) { return 1 }
            if take(UInt8(ascii: "-")) { return -1 }
            return nil
        }

        mutating func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + count] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += count
            return value
        }

        mutating func date() -> (Int, Int, Int)? {
            guard let year = digits(4), take(UInt8(ascii: "-")), let month = digits(2), take(UInt8(ascii: "-")),
                  let day = digits(2), (1...12).contains(month),
                  day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month)
            else { return nil }
            return (year, month, day)
        }

        mutating func time(allowSeconds: Bool) -> (Int, Int, Double)? {
            guard let hour = digits(2), take(UInt8(ascii: ":")), let minute = digits(2), hour <= 23, minute <= 59
            else { return nil }
            var second = 0.0
            if allowSeconds, take(UInt8(ascii: ":")) {
                guard let whole = digits(2), whole <= 60 else { return nil }
                second = Double(whole)
                if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
                    var scale = 0.1
                    var count = 0
                    while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                        second += Double(bytes[index] - UInt8(ascii: "0")) * scale
                        scale /= 10
                        index += 1
                        count += 1
                    }
                    guard count > 0, count <= 9 else { return nil }
                }
            }
            return (hour, minute, second)
        }
    }
}
