import Foundation

/// What marking a document signer compromised did (``Registry/compromiseKey(keyID:reason:revoke:by:now:)``).
public struct KeyCompromiseReport: Sendable {
    /// The compromised key's kid.
    public var keyID: String
    /// Every certificate with a payload it signed, oldest first.
    public var certificates: [UUID]
    /// Those revoked now (all not yet revoked, when asked to revoke).
    public var revoked: [UUID]
    /// The new document signer's kid when the compromised one was the active signer (a rotation happened first).
    public var replacedBy: String?
}
