extension RevocationSnapshot {
    /// This snapshot moved forward by `delta`: its removed keys taken off, its added entries inserted (replacing the
    /// entry of a key already listed), with the delta's version and times. Types the delta does not touch keep their
    /// tables as they are; the others are rebuilt in one merge pass.
    ///
    /// - Throws: ``RevocationError`` `REVOCATION_VERSION_MISMATCH` when the delta does not start at ``version`` or
    ///   does not move it forward; `REVOCATION_DELTA_CONFLICT` when it removes a key this snapshot does not list
    ///   (the two sides are out of step: fetch a full snapshot).
    public func applying(_ delta: RevocationDelta) throws(RevocationError) -> RevocationSnapshot {
        guard delta.fromVersion == version else {
            throw RevocationError(
                .versionMismatch, "expected a delta from version \(version), found one from version \(delta.fromVersion)")
        }
        guard delta.toVersion > delta.fromVersion else {
            throw RevocationError(
                .versionMismatch,
                "expected a delta to a version above \(delta.fromVersion), found one to version \(delta.toVersion)")
        }
        let canonical = delta.normalized()
        for (position, key) in canonical.removed.enumerated() where !contains(key) {
            throw RevocationError(
                .deltaConflict, "expected removed key \(position) of the delta to be listed in version \(version), found it absent")
        }
        var tables = self.tables
        for type in RevocationHashType.allCases {
            let added = canonical.added.filter { $0.key.type == type }
            let removed = canonical.removed.filter { $0.type == type }
            guard !added.isEmpty || !removed.isEmpty else { continue }
            tables[Int(type.code) - 1] = Self.merge(table(type), added: added, removed: removed)
        }
        return RevocationSnapshot(
            version: delta.toVersion, issuedAt: delta.issuedAt, nextUpdate: delta.nextUpdate, tables: tables)
    }

    /// The table with `removed` (all listed, ascending) taken off and `added` (ascending, one per key) inserted.
    static func merge(_ table: RevocationTable, added: [RevocationEntry], removed: [RevocationKey]) -> RevocationTable {
        let addedKeys = Set(added.map(\.key))
        let newKeys = added.count { table.index(high: $0.key.high, low: $0.key.low) == nil }
        let droppedKeys = removed.count { !addedKeys.contains($0) }
        var builder = RevocationTableBuilder(count: table.count + newKeys - droppedKeys)
        var cursor = table.makeCursor()
        var item = cursor.next()
        var addedIndex = 0
        var removedIndex = 0
        while item != nil || addedIndex < added.count {
            let next: RevocationTable.Item? =
                addedIndex < added.count
                ? RevocationTable.Item(
                    high: added[addedIndex].key.high, low: added[addedIndex].key.low,
                    suspendedUntil: added[addedIndex].suspendedUntil)
                : nil
            let order = RevocationDelta.order(item, next)
            if order > 0, let next {
                builder.append(high: next.high, low: next.low, suspendedUntil: next.suspendedUntil)
                addedIndex += 1
                continue
            }
            guard let current = item else { break }
            while removedIndex < removed.count, Self.isBelow(removed[removedIndex], current) { removedIndex += 1 }
            let isRemoved =
                removedIndex < removed.count && removed[removedIndex].high == current.high
                && removed[removedIndex].low == current.low
            if order == 0, let next {
                builder.append(high: next.high, low: next.low, suspendedUntil: next.suspendedUntil)
                addedIndex += 1
            } else if !isRemoved {
                builder.append(high: current.high, low: current.low, suspendedUntil: current.suspendedUntil)
            }
            item = cursor.next()
        }
        return builder.finish()
    }

    /// Whether `key`'s hash is below `item`'s (same type).
    private static func isBelow(_ key: RevocationKey, _ item: RevocationTable.Item) -> Bool {
        key.high != item.high ? key.high < item.high : key.low < item.low
    }
}
