import CivilCalendar

/// A calendar date `YYYY-MM-DD` (ISO 8601 extended format, years 0001–9999), checked to exist:
/// month 1–12 and a day valid for the month, including 29 February in leap years.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1–9999.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month.
    public let day: Int

    /// A date from its parts, or `nil` when it does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= CalendarDate.daysInMonth(year: year, month: month)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`; `nil` for any other text or a date that does not exist.
    ///
    /// The `String` overload reads the UTF-8 storage in place (dates are parsed for every verified certificate).
    public init?(_ text: String) {
        var text = text
        guard let parts = text.withUTF8({ Self.parts(of: $0) }) else { return nil }
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }

    /// Year, month and day of exactly `YYYY-MM-DD` (not yet checked to exist).
    static func parts(of bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        var values = (0, 0, 0)
        for (index, byte) in bytes.enumerated() where index != 4 && index != 7 {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let digit = Int(byte &- UInt8(ascii: "0"))
            switch index {
            case 0..<4: values.0 = values.0 * 10 + digit
            case 5..<7: values.1 = values.1 * 10 + digit
            default: values.2 = values.2 * 10 + digit
            }
        }
        return values
    }

    /// Parses exactly `YYYY-MM-DD`; `nil` for any other text or a date that does not exist.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8.prefix(11))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = DateDigits.number(bytes[0..<4]), let month = DateDigits.number(bytes[5..<7]),
            let day = DateDigits.number(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date as `YYYY-MM-DD`.
    public var text: String {
        DateDigits.padded(year, 4) + "-" + DateDigits.padded(month, 2) + "-" + DateDigits.padded(day, 2)
    }

    /// The text form (see `text`).
    public var description: String { text }

    /// Whether `year` is a leap year in the proleptic Gregorian calendar.
    public static func isLeapYear(_ year: Int) -> Bool { CivilCalendar.isLeapYear(year) }

    /// The number of days of a month (28–31); 0 for a month outside 1–12.
    public static func daysInMonth(year: Int, month: Int) -> Int { CivilCalendar.daysInMonth(year: year, month: month) }

    /// Days since 1970-01-01 (negative before it).
    public var daysSince1970: Int { CivilCalendar.dayNumber(year: year, month: month, day: day) }

    /// The date `days` after 1970-01-01, or `nil` outside years 0001–9999.
    public init?(daysSince1970 days: Int) {
        guard (-719_162...2_932_896).contains(days) else { return nil }
        let (year, month, day) = CivilCalendar.date(dayNumber: days)
        self.init(year: year, month: month, day: day)
    }

    /// Chronological order.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// Digit helpers shared by the date types.
enum DateDigits {
    /// The decimal value of ASCII digits, or `nil` if any byte is not a digit.
    static func number(_ bytes: some Collection<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// `value` in decimal, left-padded with zeros to `width` digits.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
