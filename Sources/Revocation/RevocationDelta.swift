/// The changes from one snapshot version to a later one: keys added (or whose state changed) and keys removed
/// (revocations lifted, or suspensions taken off the list).
///
/// Applying it (``RevocationSnapshot/applying(_:)``) removes ``removed`` first, then inserts ``added``, replacing
/// the entry of a key that is already listed.
public struct RevocationDelta: Sendable, Equatable, CustomStringConvertible {
    /// The version the delta applies to.
    public var fromVersion: UInt64
    /// The version of the snapshot it produces; above ``fromVersion``.
    public var toVersion: UInt64
    /// The issue time of the produced snapshot (milliseconds since 1970-01-01 UTC).
    public var issuedAt: Int64
    /// The next-update time of the produced snapshot (milliseconds since 1970-01-01 UTC).
    public var nextUpdate: Int64
    /// Entries to insert or replace.
    public var added: [RevocationEntry]
    /// Keys to take off the list; each must be listed in the snapshot the delta applies to.
    public var removed: [RevocationKey]

    /// A delta.
    public init(
        fromVersion: UInt64, toVersion: UInt64, issuedAt: Int64, nextUpdate: Int64, added: [RevocationEntry],
        removed: [RevocationKey]
    ) {
        self.fromVersion = fromVersion
        self.toVersion = toVersion
        self.issuedAt = issuedAt
        self.nextUpdate = nextUpdate
        self.added = added
        self.removed = removed
    }

    /// The delta that turns `old` into `new`, in canonical form (both lists in key order).
    ///
    /// - Throws: ``RevocationError`` `REVOCATION_VERSION_MISMATCH` unless `new` has a higher version than `old`.
    public init(from old: RevocationSnapshot, to new: RevocationSnapshot) throws(RevocationError) {
        guard new.version > old.version else {
            throw RevocationError(
                .versionMismatch, "expected a newer snapshot than version \(old.version), found version \(new.version)")
        }
        var added: [RevocationEntry] = []
        var removed: [RevocationKey] = []
        for type in RevocationHashType.allCases {
            var oldCursor = old.table(type).makeCursor()
            var newCursor = new.table(type).makeCursor()
            var oldItem = oldCursor.next()
            var newItem = newCursor.next()
            while oldItem != nil || newItem != nil {
                let order = Self.order(oldItem, newItem)
                if order < 0, let item = oldItem {
                    removed.append(RevocationKey(type: type, high: item.high, low: item.low))
                    oldItem = oldCursor.next()
                } else if order > 0, let item = newItem {
                    added.append(Self.entry(item, type))
                    newItem = newCursor.next()
                } else if let item = newItem {
                    if item.suspendedUntil != oldItem?.suspendedUntil { added.append(Self.entry(item, type)) }
                    oldItem = oldCursor.next()
                    newItem = newCursor.next()
                }
            }
        }
        self.init(
            fromVersion: old.version, toVersion: new.version, issuedAt: new.issuedAt, nextUpdate: new.nextUpdate,
            added: added, removed: removed)
    }

    /// The versions and list sizes (no keys).
    public var description: String {
        "RevocationDelta(from: \(fromVersion), to: \(toVersion), added: \(added.count), removed: \(removed.count))"
    }

    /// The canonical form: ``added`` in key order with one (the strongest) entry per key, ``removed`` in key order
    /// without repeats.
    public func normalized() -> RevocationDelta {
        var copy = self
        copy.added = Self.canonicalEntries(added)
        var keys: [RevocationKey] = []
        for key in removed.sorted() where keys.last != key { keys.append(key) }
        copy.removed = keys
        return copy
    }

    static func canonicalEntries(_ entries: [RevocationEntry]) -> [RevocationEntry] {
        var merged: [RevocationEntry] = []
        for entry in entries.sorted(by: { $0.key < $1.key }) {
            if let last = merged.last, last.key == entry.key {
                merged[merged.count - 1] = RevocationEntry.stronger(last, entry)
            } else {
                merged.append(entry)
            }
        }
        return merged
    }

    /// Orders two optional items of one table; nil (the end) is above everything.
    static func order(_ lhs: RevocationTable.Item?, _ rhs: RevocationTable.Item?) -> Int {
        guard let lhs else { return 1 }
        guard let rhs else { return -1 }
        if lhs.high != rhs.high { return lhs.high < rhs.high ? -1 : 1 }
        if lhs.low != rhs.low { return lhs.low < rhs.low ? -1 : 1 }
        return 0
    }

    static func entry(_ item: RevocationTable.Item, _ type: RevocationHashType) -> RevocationEntry {
        RevocationEntry(key: RevocationKey(type: type, high: item.high, low: item.low), suspendedUntil: item.suspendedUntil)
    }
}
