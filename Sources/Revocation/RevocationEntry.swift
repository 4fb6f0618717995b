/// One listed key: revoked for good, or suspended until a given time.
public struct RevocationEntry: Hashable, Sendable {
    /// The listed key.
    public var key: RevocationKey
    /// The end of a suspension (milliseconds since 1970-01-01 UTC), or nil for a permanent revocation.
    public var suspendedUntil: Int64?

    /// An entry; `suspendedUntil` nil means revoked for good.
    public init(key: RevocationKey, suspendedUntil: Int64? = nil) {
        self.key = key
        self.suspendedUntil = suspendedUntil
    }

    /// The state of this entry at `now` (milliseconds since 1970-01-01 UTC).
    public func state(now: Int64) -> RevocationState {
        guard let suspendedUntil else { return .revoked }
        return now < suspendedUntil ? .suspended(until: suspendedUntil) : .active
    }

    /// Of two entries for the same key, the one that keeps it listed longer: a permanent revocation wins
    /// over a suspension, and a later suspension end over an earlier one.
    static func stronger(_ lhs: RevocationEntry, _ rhs: RevocationEntry) -> RevocationEntry {
        guard let left = lhs.suspendedUntil else { return lhs }
        guard let right = rhs.suspendedUntil else { return rhs }
        return left >= right ? lhs : rhs
    }
}
