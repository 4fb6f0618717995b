import Foundation

/// A certificate suspended until a time (`suspensions`): it fails verification until then and passes again after,
/// without anything else to do. One suspension per certificate; a revoked certificate cannot be suspended.
public struct Suspension: Sendable, Hashable {
    public var certificateID: UUID
    /// The end of the suspension: the certificate is valid again from this instant on.
    public var until: Date
    /// Why, as the issuer wrote it (no personal data).
    public var reason: String
    public var suspendedBy: UUID
    public var suspendedAt: Date

    /// A suspension.
    public init(certificateID: UUID, until: Date, reason: String, suspendedBy: UUID, suspendedAt: Date) {
        self.certificateID = certificateID
        self.until = until
        self.reason = reason
        self.suspendedBy = suspendedBy
        self.suspendedAt = suspendedAt
    }
}
