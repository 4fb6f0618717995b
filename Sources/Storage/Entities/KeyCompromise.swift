import Foundation

/// A document signer marked compromised (`key_compromises`): verifiers are told through the trust list (its kid is
/// revoked) and, when the administrator asked for it, every certificate it signed is revoked.
public struct KeyCompromise: Sendable, Hashable {
    /// The signing key's row id.
    public var signingKeyID: UUID
    /// Its kid as verifiers know it (``SigningKey/keyID``).
    public var keyID: String
    /// Why, as the administrator wrote it (no personal data).
    public var reason: String
    /// The principal who marked it.
    public var markedBy: UUID
    public var markedAt: Date

    /// A compromise record.
    public init(signingKeyID: UUID, keyID: String, reason: String, markedBy: UUID, markedAt: Date) {
        self.signingKeyID = signingKeyID
        self.keyID = keyID
        self.reason = reason
        self.markedBy = markedBy
        self.markedAt = markedAt
    }
}
