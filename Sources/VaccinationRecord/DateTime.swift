/// A date and time of day, kept exactly as written, after checking it.
///
/// Accepted forms (ISO 8601 extended format, a superset of RFC 3339 `date-time`):
/// `YYYY-MM-DDThh:mm[:ss[.fraction]][offset]` where `T` may be `t`, the fraction has 1–9 digits, and the
/// offset is `Z`, `z`, `±hh:mm`, `±hhmm`, `±hh` or absent (local time). Every part is range-checked (hour 0–23,
/// minute 0–59, second 0–60 for a leap second, offset up to ±23:59). ``isRFC3339`` tells whether the text is
/// also a valid RFC 3339 `date-time` (seconds present, offset `Z` or `±hh:mm`).
public struct DateTime: Sendable, Hashable, CustomStringConvertible {
    /// The text as given.
    public let text: String
    /// The calendar date part.
    public let date: CalendarDate
    /// The hour, 0–23.
    public let hour: Int
    /// The minute, 0–59.
    public let minute: Int
    /// The seconds, or `nil` when the text has none.
    public let second: Int?
    /// The UTC offset in minutes, or `nil` for a local time without offset.
    public let utcOffsetMinutes: Int?
    /// Whether the text is an RFC 3339 `date-time`.
    public let isRFC3339: Bool

    /// Parses and checks `text`; `nil` when it is not an accepted date-time.
    ///
    /// Reads the UTF-8 storage in place: credentials' validity periods are parsed on every verification.
    public init?(_ text: String) {
        var text = text
        guard let fields = text.withUTF8({ Self.fields(of: $0) }),
            let date = CalendarDate(year: fields.year, month: fields.month, day: fields.day)
        else { return nil }
        self.text = text
        self.date = date
        self.hour = fields.hour
        self.minute = fields.minute
        self.second = fields.second
        self.utcOffsetMinutes = fields.offset
        self.isRFC3339 = fields.isRFC3339
    }

    /// The checked parts of a date-time's UTF-8 bytes (the date not yet checked to exist).
    private static func fields(
        of bytes: UnsafeBufferPointer<UInt8>
    ) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int?, offset: Int?, isRFC3339: Bool)? {
        guard bytes.count >= 16, bytes.count <= 40,
            let date = CalendarDate.parts(of: UnsafeBufferPointer(rebasing: bytes[0..<10])),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"), bytes[13] == UInt8(ascii: ":"),
            let hour = DateDigits.number(bytes[11..<13]), hour <= 23,
            let minute = DateDigits.number(bytes[14..<16]), minute <= 59
        else { return nil }
        var index = 16
        var second: Int?
        var rfc3339 = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard index + 3 <= bytes.count, let value = DateDigits.number(bytes[(index + 1)..<(index + 3)]), value <= 60
            else { return nil }
            second = value
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                var end = index + 1
                while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
                guard (1...9).contains(end - index - 1) else { return nil }
                index = end
            }
        } else {
            rfc3339 = false
        }
        guard let (offset, offsetIsRFC3339) = parseOffset(bytes[index...]) else { return nil }
        return (date.year, date.month, date.day, hour, minute, second, offset, rfc3339 && offsetIsRFC3339 && offset != nil)
    }

    /// The UTC date-time `YYYY-MM-DDThh:mm:ssZ` at `seconds` after 1970-01-01T00:00:00Z, or `nil` outside
    /// years 0001–9999.
    public init?(secondsSince1970 seconds: Int64) {
        let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let dayOffset = secondOfDay < 0 ? -1 : 0
        let second = Int(secondOfDay < 0 ? secondOfDay + 86_400 : secondOfDay)
        guard let dayCount = Int(exactly: days), let date = CalendarDate(daysSince1970: dayCount + dayOffset) else {
            return nil
        }
        guard (1...9999).contains(date.year) else { return nil }
        // Written digit by digit: this runs for every verified certificate (its validity period).
        var bytes = [UInt8](repeating: UInt8(ascii: "0"), count: 20)
        func put(_ value: Int, at offset: Int, width: Int) {
            var value = value
            for index in stride(from: offset + width - 1, through: offset, by: -1) {
                bytes[index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
        }
        put(date.year, at: 0, width: 4)
        put(date.month, at: 5, width: 2)
        put(date.day, at: 8, width: 2)
        put(second / 3600, at: 11, width: 2)
        put(second / 60 % 60, at: 14, width: 2)
        put(second % 60, at: 17, width: 2)
        bytes[4] = UInt8(ascii: "-")
        bytes[7] = UInt8(ascii: "-")
        bytes[10] = UInt8(ascii: "T")
        bytes[13] = UInt8(ascii: ":")
        bytes[16] = UInt8(ascii: ":")
        bytes[19] = UInt8(ascii: "Z")
        self.text = String(decoding: bytes, as: UTF8.self)
        self.date = date
        self.hour = second / 3600
        self.minute = second / 60 % 60
        self.second = second % 60
        self.utcOffsetMinutes = 0
        self.isRFC3339 = true
    }

    /// Seconds since 1970-01-01T00:00:00Z (fractions ignored), or `nil` for a local time without offset.
    public var secondsSince1970: Int64? {
        guard let utcOffsetMinutes else { return nil }
        let days = Int64(date.daysSince1970)
        let local = days * 86_400 + Int64(hour * 3600 + minute * 60 + (second ?? 0))
        return local - Int64(utcOffsetMinutes * 60)
    }

    /// The text form (see `text`).
    public var description: String { text }

    /// Parses the offset at the end: `Z`, `z`, `±hh:mm`, `±hhmm`, `±hh` or nothing.
    /// Returns the offset in minutes (nil when absent) and whether the form is valid in RFC 3339.
    private static func parseOffset(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> (Int?, Bool)? {
        guard let first = bytes.first else { return (nil, false) }
        if first == UInt8(ascii: "Z") || first == UInt8(ascii: "z") {
            return bytes.count == 1 ? (0, true) : nil
        }
        guard first == UInt8(ascii: "+") || first == UInt8(ascii: "-") else { return nil }
        let sign = first == UInt8(ascii: "-") ? -1 : 1
        let rest = UnsafeBufferPointer(rebasing: bytes.dropFirst())
        let hours: Int?
        let minutes: Int?
        let rfc3339: Bool
        switch rest.count {
        case 2:
            (hours, minutes, rfc3339) = (DateDigits.number(rest[0..<2]), 0, false)
        case 4:
            (hours, minutes, rfc3339) = (DateDigits.number(rest[0..<2]), DateDigits.number(rest[2..<4]), false)
        case 5 where rest[2] == UInt8(ascii: ":"):
            (hours, minutes, rfc3339) = (DateDigits.number(rest[0..<2]), DateDigits.number(rest[3..<5]), true)
        default:
            return nil
        }
        guard let hours, let minutes, hours <= 23, minutes <= 59 else { return nil }
        return (sign * (hours * 60 + minutes), rfc3339)
    }
}
