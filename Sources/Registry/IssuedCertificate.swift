import Foundation
import Issuance
import Storage

/// A certificate as its holder and issuer see it: the payload text of each format, opened.
public struct IssuedCertificate: Sendable {
    /// One format of the certificate.
    public struct Payload: Sendable {
        public let format: IssuanceFormat
        /// The format's identifier (UVCI, seal id, or SMART Health Card `rid`).
        public let identifier: String
        /// The QR text.
        public let text: String
    }

    public let id: UUID
    public let issuedAt: Date
    public let expiresAt: Date?
    /// In the order hc1, shc, vds, vc.
    public let payloads: [Payload]
    public let revocation: Revocation?
    /// True when this answers a retried request (same `Idempotency-Key`) with the certificate issued the first time.
    public let isReplay: Bool

    /// The payload of `format`, if issued.
    public func payload(_ format: IssuanceFormat) -> Payload? {
        payloads.first { $0.format == format }
    }
}
