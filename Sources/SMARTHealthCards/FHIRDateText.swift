import VaccinationRecord

/// FHIR `date` and `dateTime` text checks.
enum FHIRDateText {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a date that exists.
    static func isDate(_ text: String) -> Bool { PartialDate(text) != nil }

    /// A FHIR `dateTime`: a (partial) date, or a full date with `Thh:mm:ss`, an optional fraction, and `Z` or
    /// `±hh:mm`.
    static func isDateTime(_ text: String) -> Bool {
        if isDate(text) { return true }
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.count <= 35, bytes[10] == UInt8(ascii: "T"),
            CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self)) != nil
        else { return false }
        let time = Array(bytes[11...])
        func digit(_ index: Int) -> Bool { index < time.count && time[index] >= 0x30 && time[index] <= 0x39 }
        guard digit(0), digit(1), time[2] == UInt8(ascii: ":"), digit(3), digit(4), time.count > 7,
            time[5] == UInt8(ascii: ":"), digit(6), digit(7)
        else { return false }
        var index = 8
        if index < time.count, time[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while digit(index) { index += 1 }
            guard index > start else { return false }
        }
        guard index < time.count else { return false }
        if time[index] == UInt8(ascii: "Z") { return index + 1 == time.count }
        return (time[index] == UInt8(ascii: "+") || time[index] == UInt8(ascii: "-")) && time.count == index + 6
            && digit(index + 1) && digit(index + 2) && time[index + 3] == UInt8(ascii: ":") && digit(index + 4)
            && digit(index + 5)
    }
}
