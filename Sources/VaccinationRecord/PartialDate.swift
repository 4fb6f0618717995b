/// A possibly incomplete date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (ISO 8601 reduced precision), used for
/// birth dates, which are often known only to the year or month.
///
/// An unknown birth date is represented by the absence of the value (the EU DCC writes it as `""`).
public struct PartialDate: Sendable, Hashable, CustomStringConvertible {
    /// How much of the date is known.
    public enum Precision: Sendable, Hashable {
        /// Known to the year, the month, or the day.
        case year, month, day
    }

    /// The year, 1–9999.
    public let year: Int
    /// The month, when known.
    public let month: Int?
    /// The day, when known (only with a month).
    public let day: Int?

    /// A partial date from its parts, or `nil` when the parts do not form a valid date
    /// (year 0001–9999, month 1–12, day valid for the month; a day needs a month).
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard day >= 1, day <= CalendarDate.daysInMonth(year: year, month: month) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A full date.
    public init(_ date: CalendarDate) {
        self.year = date.year
        self.month = date.month
        self.day = date.day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `nil` for anything else or a date that does not exist.
    ///
    /// The `String` overload reads the UTF-8 storage in place (birth dates are parsed for every verified certificate).
    public init?(_ text: String) {
        var text = text
        let count = text.utf8.count
        if count == 10 {
            guard let parts = text.withUTF8({ CalendarDate.parts(of: $0) }) else { return nil }
            self.init(year: parts.year, month: parts.month, day: parts.day)
        } else {
            self.init(Substring(text))
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `nil` for anything else or a date that does not exist.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8.prefix(11))
        switch bytes.count {
        case 4:
            guard let year = DateDigits.number(bytes[0..<4]) else { return nil }
            self.init(year: year)
        case 7:
            guard bytes[4] == UInt8(ascii: "-"), let year = DateDigits.number(bytes[0..<4]),
                let month = DateDigits.number(bytes[5..<7])
            else { return nil }
            self.init(year: year, month: month)
        case 10:
            guard let date = CalendarDate(text) else { return nil }
            self.init(date)
        default:
            return nil
        }
    }

    /// How much of the date is known.
    public var precision: Precision {
        if day != nil { return .day }
        return month != nil ? .month : .year
    }

    /// The full date, when the day is known.
    public var calendarDate: CalendarDate? {
        guard let month, let day else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var text: String {
        var text = DateDigits.padded(year, 4)
        if let month { text += "-" + DateDigits.padded(month, 2) }
        if let day { text += "-" + DateDigits.padded(day, 2) }
        return text
    }

    /// The text form (see `text`).
    public var description: String { text }
}
