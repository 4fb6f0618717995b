import Foundation

/// The revocation of a certificate (all its formats).
public struct Revocation: Sendable, Hashable {
    public var certificateID: UUID
    /// Why, in words for auditors (1 to 200 characters; no personal data).
    public var reason: String
    /// The principal that revoked it.
    public var revokedBy: UUID
    public var revokedAt: Date

    /// Creates a revocation.
    public init(certificateID: UUID, reason: String, revokedBy: UUID, revokedAt: Date) {
        self.certificateID = certificateID
        self.reason = reason
        self.revokedBy = revokedBy
        self.revokedAt = revokedAt
    }
}
