/// `persistentDisposition`: dispositions that are set or unset until changed by a later event.
public struct EPCISPersistentDisposition: Sendable, Hashable {
    /// Dispositions set.
    public var set: [String]
    /// Dispositions unset.
    public var unset: [String]

    /// Creates a persistent disposition.
    public init(set: [String] = [], unset: [String] = []) {
        self.set = set
        self.unset = unset
    }
}
