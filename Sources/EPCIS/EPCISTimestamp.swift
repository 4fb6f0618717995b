import CivilCalendar

/// ISO 8601 date-times as used in EPCIS (`eventTime`, `recordTime`, sensor `time`, ...), normalised for hashing.
public enum EPCISTimestamp {
    /// Milliseconds since 1970-01-01T00:00:00Z for `YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH:MM|±HHMM]`, rounded to the
    /// nearest millisecond (half up). A missing zone is read as UTC. Returns `nil` for anything else.
    public static func epochMilliseconds(_ text: String) -> Int64? {
        let b = Array(text.utf8)
        var i = 0
        func number(_ count: Int) -> Int64? {
            guard i + count <= b.count else { return nil }
            var v: Int64 = 0
            for k in 0..<count {
                let c = b[i + k]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int64(c - 48)
            }
            i += count
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard b.count <= 64, let year = number(4), expect(UInt8(ascii: "-")), let month = number(2),
            expect(UInt8(ascii: "-")), let day = number(2), i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t")
        else { return nil }
        i += 1
        guard let hour = number(2), expect(UInt8(ascii: ":")), let minute = number(2) else { return nil }
        var second: Int64 = 0
        var millis: Int64 = 0
        if expect(UInt8(ascii: ":")) {
            guard let s = number(2) else { return nil }
            second = s
            if expect(UInt8(ascii: ".")) || expect(UInt8(ascii: ",")) {
                var digits = 0
                var value: Int64 = 0
                var roundUp = false
                while i < b.count, b[i] >= 48, b[i] <= 57 {
                    if digits < 3 {
                        value = value * 10 + Int64(b[i] - 48)
                    } else if digits == 3 {
                        roundUp = b[i] >= 53
                    }
                    digits += 1
                    i += 1
                }
                guard digits > 0 else { return nil }
                var scale = digits
                while scale < 3 {
                    value *= 10
                    scale += 1
                }
                millis = value + (roundUp ? 1 : 0)
            }
        }
        var offsetMinutes: Int64 = 0
        if i < b.count {
            if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
                i += 1
            } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                let sign: Int64 = b[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                guard let oh = number(2) else { return nil }
                _ = expect(UInt8(ascii: ":"))
                guard let om = number(2), oh <= 23, om <= 59 else { return nil }
                offsetMinutes = sign * (oh * 60 + om)
            } else {
                return nil
            }
        }
        guard i == b.count, (1...12).contains(month), day >= 1, day <= 31, hour <= 24, minute <= 59, second <= 60 else {
            return nil
        }
        let days = Int64(CivilCalendar.dayNumber(year: Int(year), month: Int(month), day: Int(day)))
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60
        return seconds * 1000 + millis
    }

    /// The UTC form `YYYY-MM-DDTHH:MM:SS.mmmZ` of a timestamp, or `nil` when it does not parse.
    public static func canonical(_ text: String) -> String? {
        epochMilliseconds(text).map(format)
    }

    /// Formats milliseconds since the epoch as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    public static func format(_ epochMilliseconds: Int64) -> String {
        var ms = epochMilliseconds % 86_400_000
        var days = epochMilliseconds / 86_400_000
        if ms < 0 {
            ms += 86_400_000
            days -= 1
        }
        let date = CivilCalendar.date(dayNumber: Int(days))
        let (y, m, d) = (Int64(date.year), Int64(date.month), Int64(date.day))
        func pad(_ v: Int64, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(ms / 3_600_000, 2)):\(pad(ms / 60_000 % 60, 2)):"
            + "\(pad(ms / 1000 % 60, 2)).\(pad(ms % 1000, 3))Z"
    }
}
