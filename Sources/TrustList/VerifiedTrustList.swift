import Foundation

/// A trust list whose signature verified with a configured trust anchor, with the warnings that come with it.
public struct VerifiedTrustList: Sendable {
    /// The list.
    public let list: TrustList
    /// The `kid` of the trust anchor whose key verified the signature.
    public let anchorKeyID: String
    /// SHA-256 of the signed payload bytes (for logs and transparency entries).
    public let payloadDigest: [UInt8]
    /// The time the list was checked at.
    public let checkedAt: Date
    /// Warnings to carry into every result that uses the list (``TrustListWarning/staleCode`` when stale).
    public let warnings: [TrustListWarning]

    /// Whether the list was past its next-update time when checked.
    public var isStale: Bool { warnings.contains { $0.code == TrustListWarning.staleCode } }
}
