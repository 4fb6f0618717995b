/// The revocation status of a key at a given time.
public enum RevocationState: Hashable, Sendable {
    /// Not listed, or listed with a suspension that has ended.
    case active
    /// Listed without an end: revoked for good.
    case revoked
    /// Listed with a suspension that ends at `until` (milliseconds since 1970-01-01 UTC); the key is active again
    /// from that instant on.
    case suspended(until: Int64)
}
