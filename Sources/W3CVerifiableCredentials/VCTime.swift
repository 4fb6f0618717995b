import Foundation
import JSON
import VaccinationRecord

/// Reading the time members of a credential.
enum VCTime {
    /// An XML Schema `dateTimeStamp` (RFC 3339 with an offset) in string node `value` of `tape` as a date, or `nil`.
    static func dateTimeStamp(_ tape: JSONTape, _ value: Int) -> Date? {
        guard tape.kind(at: value) == .string, tape.utf8Count(at: value) <= 64 else { return nil }
        return tape.string(at: value).flatMap(dateTimeStamp(text:))
    }

    /// A JWT NumericDate (integer or fractional seconds) in number node `value` of `tape` as a date, or `nil`.
    static func numericDate(_ tape: JSONTape, _ value: Int) -> Date? {
        guard let seconds = tape.double(at: value), seconds.isFinite else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    private static func dateTimeStamp(text: String) -> Date? {
        guard text.utf8.count <= 64, let dateTime = DateTime(text),
            dateTime.isRFC3339, let offset = dateTime.utcOffsetMinutes
        else { return nil }
        let days = Int64(dateTime.date.daysSince1970)
        let local = days * 86_400 + Int64(dateTime.hour * 3600 + dateTime.minute * 60 + (dateTime.second ?? 0))
        return Date(timeIntervalSince1970: TimeInterval(local - Int64(offset * 60)))
    }
}
