import Foundation

/// Calendar arithmetic on the proleptic Gregorian calendar with fixed UTC offsets, without locale or time-zone
/// databases: parsing ISO 8601 timestamps and logger dates, and formatting UTC timestamps and day keys.
enum CivilTime {
    /// Days from 1970-01-01 to a civil date (the days-from-civil computation on 400-year eras).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Days in a month of a year.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

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
        return days(year: year, month: month, day: day)
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
        let dayCount = days(year: year, month: month, day: day)
        let local = Double(dayCount) * 86_400 + Double(hour * 3600 + minute * 60) + second
        return Date(timeIntervalSince1970: local - Double(offsetSeconds))
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds; fractions are rounded down).
    static func formatUTC(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let dayCount = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let secondOfDay = seconds - dayCount * 86_400
        let (year, month, day) = civil(days: dayCount)
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
        let (year, month, day) = civil(days: dayCount)
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
                  (1...CivilTime.daysInMonth(year: year, month: month)).contains(day)
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
