/// Calendar days of ISO 8601 dates (`YYYY-MM-DD`, proleptic Gregorian, UTC) as day numbers since 1970-01-01.
enum ISODay {
    /// Milliseconds in a day.
    static let milliseconds: Int64 = 86_400_000

    /// The day number of a `YYYY-MM-DD` date (years 0001 to 9999), or nil when the text is not a valid date.
    static func dayNumber(_ text: String) -> Int64? {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                value = value * 10 + Int(b[i] - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), year >= 1,
            (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month)
        else { return nil }
        let daysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334][month - 1]
        let leapDay = month > 2 && isLeapYear(year) ? 1 : 0
        return Int64(daysBeforeYear(year) - daysBeforeYear(1970) + daysBeforeMonth + leapDay + day - 1)
    }

    /// The day number of an instant (floor division, so instants before 1970 fall on the right day).
    static func dayNumber(milliseconds time: Int64) -> Int64 {
        let quotient = time / milliseconds
        return time % milliseconds < 0 ? quotient - 1 : quotient
    }

    /// Days from 0001-01-01 to 1 January of `year`.
    private static func daysBeforeYear(_ year: Int) -> Int {
        let y = year - 1
        return 365 * y + y / 4 - y / 100 + y / 400
    }

    private static func isLeapYear(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    private static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
