import CivilCalendar
import Foundation

/// Tolerant parsing of the time formats seen in health-certificate tooling and test data.
///
/// Accepts ISO 8601 / RFC 3339 date-times with or without an offset (none means UTC), a `T` or a
/// space between date and time, seconds optional, any number of fraction digits, offsets written
/// `Z`, `+02:00`, `+0200` or `+02`; a bare date (midnight UTC); or Unix seconds (optionally with a fraction).
public enum Timestamp {
    /// Parses `text`, or returns nil when it is none of the accepted forms.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        guard !bytes.isEmpty, bytes.count <= 64 else { return nil }
        if let seconds = unixSeconds(bytes) { return Date(timeIntervalSince1970: seconds) }
        var reader = Reader(bytes: bytes)
        guard let year = reader.digits(4), reader.consume(UInt8(ascii: "-")),
            let month = reader.digits(2), reader.consume(UInt8(ascii: "-")),
            let day = reader.digits(2), (1...12).contains(month), day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month)
        else { return nil }
        var seconds = Double(CivilCalendar.dayNumber(year: year, month: month, day: day)) * 86_400
        if reader.atEnd { return Date(timeIntervalSince1970: seconds) }
        guard reader.consume(UInt8(ascii: "T")) || reader.consume(UInt8(ascii: "t")) || reader.consume(UInt8(ascii: " ")),
            let hour = reader.digits(2), reader.consume(UInt8(ascii: ":")), let minute = reader.digits(2),
            hour < 24, minute < 60
        else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        if reader.consume(UInt8(ascii: ":")) {
            guard let second = reader.digits(2), second <= 60 else { return nil }
            seconds += Double(second)
            if reader.consume(UInt8(ascii: ".")) || reader.consume(UInt8(ascii: ",")) {
                guard let fraction = reader.fraction() else { return nil }
                seconds += fraction
            }
        }
        if reader.atEnd { return Date(timeIntervalSince1970: seconds) }
        if reader.consume(UInt8(ascii: "Z")) || reader.consume(UInt8(ascii: "z")) {
            return reader.atEnd ? Date(timeIntervalSince1970: seconds) : nil
        }
        let sign: Double
        if reader.consume(UInt8(ascii: "+")) {
            sign = 1
        } else if reader.consume(UInt8(ascii: "-")) {
            sign = -1
        } else {
            return nil
        }
        guard let offsetHours = reader.digits(2), offsetHours < 24 else { return nil }
        var offsetMinutes = 0
        if !reader.atEnd {
            _ = reader.consume(UInt8(ascii: ":"))
            guard let minutes = reader.digits(2), minutes < 60 else { return nil }
            offsetMinutes = minutes
        }
        guard reader.atEnd else { return nil }
        seconds -= sign * Double(offsetHours * 3600 + offsetMinutes * 60)
        return Date(timeIntervalSince1970: seconds)
    }

    /// Formats a time in milliseconds since 1970-01-01T00:00:00Z as ``format(_:)`` does.
    public static func format(milliseconds: Int64) -> String {
        format(Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }

    /// Formats a date as RFC 3339 UTC with whole seconds, e.g. `2021-06-01T00:00:00Z`.
    public static func format(_ date: Date) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondsOfDay = total - days * 86_400
        let (year, month, day) = CivilCalendar.date(dayNumber: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(year).count < 4 ? String(repeating: "0", count: 4 - String(year).count) + "\(year)" : "\(year)"
        return "\(yearText)-\(two(month))-\(two(day))T\(two(secondsOfDay / 3600)):\(two(secondsOfDay / 60 % 60)):\(two(secondsOfDay % 60))Z"
    }

    private static func unixSeconds(_ bytes: [UInt8]) -> Double? {
        var index = 0
        if bytes[0] == UInt8(ascii: "-") { index = 1 }
        guard index < bytes.count else { return nil }
        var sawDot = false
        for byte in bytes[index...] {
            if byte == UInt8(ascii: ".") {
                if sawDot { return nil }
                sawDot = true
            } else if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                return nil
            }
        }
        // A bare 8-digit number could be a basic-format date; Unix seconds are what the contract asks for.
        return Double(String(decoding: bytes, as: UTF8.self))
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0
        var atEnd: Bool { index == bytes.count }

        mutating func consume(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + count] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += count
            return value
        }

        mutating func fraction() -> Double? {
            var value = 0.0
            var scale = 0.1
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                value += Double(bytes[index] - UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
            }
            return index > start ? value : nil
        }
    }
}
