import Foundation
import VaccinationRecord

extension VaccinationRecord {
    /// Sets the certificate period from the CWT `iat`/`exp` and the signing kid.
    mutating func applyCertificateMetadata(issuedAt: Date?, expiresAt: Date?, keyID: String?) {
        func dateTime(_ date: Date?) -> DateTime? {
            date.flatMap { DateTime(secondsSince1970: Int64($0.timeIntervalSince1970.rounded(.down))) }
        }
        if issuedAt != nil || expiresAt != nil {
            certificate.period = CertificatePeriod(start: dateTime(issuedAt), end: dateTime(expiresAt))
        }
        if let keyID { certificate.kid = keyID }
    }
}

extension DateTime {
    /// Seconds since 1970, reading a date-time without offset as UTC (an absent second as 0).
    var utcSecondsSince1970: Int64 {
        let days = Int64(date.daysSince1970)
        let local = days * 86_400 + Int64(hour * 3600 + minute * 60 + (second ?? 0))
        return local - Int64((utcOffsetMinutes ?? 0) * 60)
    }
}
