/// The `format` values this validator asserts (RFC 3339, strictly). Other formats are annotations.
enum StringFormat: String, Sendable, Hashable {
    /// RFC 3339 `full-date`: `YYYY-MM-DD`, a real calendar day.
    case date
    /// RFC 3339 `date-time`: `full-date "T" full-time`, offset `Z` or `±HH:MM` (the `T` and `Z` may be lower case).
    case dateTime = "date-time"
    /// RFC 3339 `full-time`: `HH:MM:SS[.frac]` and an offset.
    case time

    var expectation: String {
        switch self {
        case .date: return "an RFC 3339 full-date (YYYY-MM-DD)"
        case .dateTime: return "an RFC 3339 date-time (YYYY-MM-DDTHH:MM:SS[.frac] with Z or ±HH:MM)"
        case .time: return "an RFC 3339 full-time (HH:MM:SS[.frac] with Z or ±HH:MM)"
        }
    }

    func accepts(_ string: String) -> Bool {
        if let result = string.utf8.withContiguousStorageIfAvailable({ accepts(utf8: $0[...]) }) { return result }
        return accepts(utf8: Array(string.utf8)[...])
    }

    func accepts<Bytes: RandomAccessCollection<UInt8>>(utf8 bytes: Bytes) -> Bool
    where Bytes.Index == Int, Bytes.SubSequence == Bytes {
        switch self {
        case .date:
            return bytes.count == 10 && Self.isFullDate(bytes)
        case .dateTime:
            let start = bytes.startIndex
            guard bytes.count >= 20, bytes[start + 10] == UInt8(ascii: "T") || bytes[start + 10] == UInt8(ascii: "t")
            else { return false }
            return Self.isFullDate(bytes[start..<start + 10]) && Self.isFullTime(bytes[(start + 11)...])
        case .time:
            return Self.isFullTime(bytes)
        }
    }

    /// Reads exactly `count` ASCII digits at `index`.
    static func number<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int, count: Int) -> Int?
    where Bytes.Index == Int {
        guard index >= bytes.startIndex, index + count <= bytes.endIndex else { return nil }
        var value = 0
        for position in index..<index + count {
            let digit = bytes[position] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    static func isFullDate<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Bool where Bytes.Index == Int {
        let start = bytes.startIndex
        guard bytes.count == 10, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
            let year = number(bytes, at: start, count: 4),
            let month = number(bytes, at: start + 5, count: 2),
            let day = number(bytes, at: start + 8, count: 2),
            (1...12).contains(month)
        else { return false }
        return day >= 1 && day <= daysIn(month: month, year: year)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `HH:MM:SS[.digits](Z|z|+HH:MM|-HH:MM)`; second 60 only where the time is 23:59 in UTC.
    static func isFullTime<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Bool where Bytes.Index == Int {
        let start = bytes.startIndex
        guard bytes.count >= 9, bytes[start + 2] == UInt8(ascii: ":"), bytes[start + 5] == UInt8(ascii: ":"),
            let hour = number(bytes, at: start, count: 2),
            let minute = number(bytes, at: start + 3, count: 2),
            let second = number(bytes, at: start + 6, count: 2),
            hour <= 23, minute <= 59, second <= 60
        else { return false }
        var index = start + 8
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.endIndex, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
            guard index > fractionStart, index < bytes.endIndex else { return false }
        }
        var offsetMinutes = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == bytes.endIndex else { return false }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == bytes.endIndex, bytes[index + 3] == UInt8(ascii: ":"),
                let offsetHour = number(bytes, at: index + 1, count: 2),
                let offsetMinute = number(bytes, at: index + 4, count: 2),
                offsetHour <= 23, offsetMinute <= 59
            else { return false }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (bytes[index] == UInt8(ascii: "+") ? 1 : -1)
        default:
            return false
        }
        if second == 60 {
            // A leap second happens at 23:59:60 UTC.
            let utcMinutes = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utcMinutes == 23 * 60 + 59
        }
        return true
    }
}
