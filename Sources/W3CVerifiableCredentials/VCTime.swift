import Foundation
import JSON
import VaccinationRecord

/// Reading the time members of a credential.
enum VCTime {
    /// An XML Schema `dateTimeStamp` (RFC 3339 with an offset) in string node `value` of `tape` as a date, or `nil`.
    static func dateTimeStamp(_ tape: JSONTape, _ value: Int) -> Date? {
        guard tape.kind(at: value) == .string, tape.utf8Count(at: value) <= 64, let text = tape.string(at: value),
            let dateTime = DateTime(text), dateTime.isRFC3339, let seconds = dateTime.secondsSince1970
        else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// A JWT NumericDate (integer or fractional seconds) in number node `value` of `tape` as a date, or `nil`.
    static func numericDate(_ tape: JSONTape, _ value: Int) -> Date? {
        guard let seconds = tape.double(at: value), seconds.isFinite else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }
}
