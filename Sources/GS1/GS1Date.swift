/// A GS1 date field `YYMMDD` (AIs 11, 13, 15, 16, 17); for expiry dates DD = 00 means the last day of the month.
public struct GS1Date: Hashable, Sendable, CustomStringConvertible {
    /// Two-digit year as encoded.
    public let yy: Int
    /// Month 1...12.
    public let month: Int
    /// Day as encoded, 0...31 (0 = end of month).
    public let encodedDay: Int

    /// Parses six digits `YYMMDD`. Day 00 is accepted only when `allowsZeroDay` is true.
    public init(yymmdd text: String, allowsZeroDay: Bool = true) throws(GS1Error) {
        guard text.utf8.count == 6, GS1CheckDigit.isAllDigits(text) else {
            throw GS1Error(.invalidDate, "expected six digits YYMMDD, found \(text.utf8.count) characters")
        }
        let digits = text.utf8.map { Int($0) - 48 }
        yy = digits[0] * 10 + digits[1]
        month = digits[2] * 10 + digits[3]
        encodedDay = digits[4] * 10 + digits[5]
        guard (1...12).contains(month) else {
            throw GS1Error(.invalidDate, "expected month 01-12, found \(month)")
        }
        if encodedDay == 0 {
            guard allowsZeroDay else { throw GS1Error(.invalidDate, "expected day 01-31, found 00") }
        } else {
            // Validate against the longest possible month length; leap years are checked in `resolved`.
            let maxDay = GS1Date.daysInMonth(year: 2000 + yy, month: month)
            guard encodedDay <= maxDay else {
                throw GS1Error(.invalidDate, "expected day 01-\(maxDay) for month \(month), found \(encodedDay)")
            }
        }
    }

    /// The full year, using the GS1 General Specifications sliding window (§7.12) around `referenceYear`:
    /// a YY more than 50 years ahead is in the previous century, more than 49 years behind is in the next.
    public func year(referenceYear: Int) -> Int {
        let century = referenceYear - referenceYear % 100
        let difference = yy - referenceYear % 100
        if difference >= 51 { return century - 100 + yy }
        if difference <= -50 { return century + 100 + yy }
        return century + yy
    }

    /// The calendar date (year, month, day), with DD = 00 resolved to the last day of the month.
    public func resolved(referenceYear: Int) -> (year: Int, month: Int, day: Int) {
        let year = year(referenceYear: referenceYear)
        let last = GS1Date.daysInMonth(year: year, month: month)
        return (year, month, encodedDay == 0 ? last : min(encodedDay, last))
    }

    /// ISO 8601 date `YYYY-MM-DD` with DD = 00 resolved to the end of the month.
    public func isoDate(referenceYear: Int) -> String {
        let (y, m, d) = resolved(referenceYear: referenceYear)
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    /// The six digits as encoded.
    public var description: String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return two(yy) + two(month) + two(encodedDay)
    }

    /// Number of days in a month of the proleptic Gregorian calendar.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// An expiry date (AI 17): a ``GS1Date`` where DD = 00 means the last day of the month.
public typealias ExpiryDate = GS1Date
