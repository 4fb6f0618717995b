/// Limits applied while decoding untrusted snapshot and delta bytes.
public struct RevocationLimits: Hashable, Sendable {
    /// The most records (entries, or added plus removed keys of a delta) an encoding may announce.
    public var maximumEntries: Int

    /// Limits; the default allows 20,000,000 entries (340 MB of records).
    public init(maximumEntries: Int = 20_000_000) {
        self.maximumEntries = maximumEntries
    }

    /// The default limits.
    public static let `default` = RevocationLimits()
}
