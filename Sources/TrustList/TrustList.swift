import Foundation

/// A versioned list of trusted issuers, published by an OpenDVC trust anchor and signed as a compact JWS
/// (``SignedTrustList``). The format is described in `docs/TRUST-LIST.md`.
///
/// The JSON form (``encoded()``) is RFC 8785 canonical, so one list has exactly one encoding and signing is
/// reproducible; decoding (``init(payload:limits:)``) accepts only that encoding.
public struct TrustList: Sendable, Hashable {
    /// The format version this code writes and reads.
    public static let currentFormatVersion = 1

    /// The format version (``currentFormatVersion``).
    public var formatVersion: Int
    /// The sequence number: every published list has a higher one than the list before it.
    public var sequence: UInt64
    /// When the list was issued (Unix seconds).
    public var issuedAt: Int64
    /// When the next list is due (Unix seconds); after it the list is stale but still used.
    public var nextUpdate: Int64
    /// The issuers, in publication order; ids are unique.
    public var issuers: [TrustListIssuer]

    /// Creates a list.
    public init(
        sequence: UInt64, issuedAt: Int64, nextUpdate: Int64, issuers: [TrustListIssuer],
        formatVersion: Int = TrustList.currentFormatVersion
    ) {
        self.formatVersion = formatVersion
        self.sequence = sequence
        self.issuedAt = issuedAt
        self.nextUpdate = nextUpdate
        self.issuers = issuers
    }

    /// The issuer with `id`, if any.
    public func issuer(withID id: String) -> TrustListIssuer? {
        issuers.first { $0.id == id }
    }

    /// Whether the list is past its next-update time at `now` (strictly after ``nextUpdate``).
    public func isStale(at now: Date) -> Bool {
        now.timeIntervalSince1970 > Double(nextUpdate)
    }
}
