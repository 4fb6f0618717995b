import Foundation

/// A certificate for one vaccination event, with one payload per credential format it was issued in.
public struct StoredCertificate: Sendable, Hashable, Identifiable {
    /// The certificate id the API hands out.
    public var id: UUID
    /// The event it certifies (one certificate per event).
    public var eventID: UUID
    public var issuerID: UUID
    /// The principal that issued it.
    public var issuedBy: UUID
    public var issuedAt: Date
    public var expiresAt: Date?
    /// The signed payloads, one per format.
    public var payloads: [CertificatePayload]
    /// Set once the certificate is revoked.
    public var revocation: Revocation?

    /// Creates a certificate.
    public init(
        id: UUID = UUID(), eventID: UUID, issuerID: UUID, issuedBy: UUID, issuedAt: Date, expiresAt: Date? = nil,
        payloads: [CertificatePayload], revocation: Revocation? = nil
    ) {
        self.id = id
        self.eventID = eventID
        self.issuerID = issuerID
        self.issuedBy = issuedBy
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.payloads = payloads
        self.revocation = revocation
    }

    /// The payload of `format`, if it was issued.
    public func payload(_ format: CertificatePayload.Format) -> CertificatePayload? {
        payloads.first { $0.format == format }
    }
}
