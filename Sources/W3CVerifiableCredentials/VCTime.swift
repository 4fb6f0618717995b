import Foundation
import JSON
import VaccinationRecord

/// Reading the time members of a credential.
enum VCTime {
    /// An XML Schema `dateTimeStamp` (RFC 3339 with an offset) as a date, or `nil`.
    static func dateTimeStamp(_ value: JSONValue) -> Date? {
        guard let text = value.stringValue, text.utf8.count <= 64, let dateTime = DateTime(text),
            dateTime.isRFC3339, let offset = dateTime.utcOffsetMinutes
        else { return nil }
        let days = Int64(dateTime.date.daysSince1970)
        let local = days * 86_400 + Int64(dateTime.hour * 3600 + dateTime.minute * 60 + (dateTime.second ?? 0))
        return Date(timeIntervalSince1970: TimeInterval(local - Int64(offset * 60)))
    }

    /// A JWT NumericDate (integer or fractional seconds) as a date, or `nil`.
    static func numericDate(_ value: JSONValue) -> Date? {
        switch value {
        case .integer(let seconds): return Date(timeIntervalSince1970: TimeInterval(seconds))
        case .double(let seconds) where seconds.isFinite: return Date(timeIntervalSince1970: seconds)
        default: return nil
        }
    }
}
