/// A revocation list at one version, as a verifier holds it offline: which keys are revoked or suspended.
///
/// The keys of each hash type live in their own table: sorted fixed-size records behind a bucket index on the first
/// hash bytes (docs/REVOCATION.md section 3), so 10,000,000 entries take about 14 bytes each (134 MiB) and a lookup
/// is an index read plus a search of a few neighbouring records.
/// ``encoded()`` gives the deterministic bytes to sign and distribute; ``init(decoding:limits:)`` reads them back,
/// and ``applying(_:)`` moves a snapshot forward by a ``RevocationDelta``.
public struct RevocationSnapshot: Sendable, Equatable, CustomStringConvertible {
    /// The list version; deltas move it forward.
    public var version: UInt64
    /// When the list was issued (milliseconds since 1970-01-01 UTC).
    public var issuedAt: Int64
    /// When the next version is due (milliseconds since 1970-01-01 UTC); a verifier holding the list past this time
    /// holds a stale list.
    public var nextUpdate: Int64
    /// One table per hash type, at index `code - 1`.
    var tables: [RevocationTable]

    /// A snapshot of `entries`, in any order. A key listed more than once keeps its strongest entry: a permanent
    /// revocation over a suspension, a later suspension end over an earlier one.
    public init(version: UInt64, issuedAt: Int64, nextUpdate: Int64, entries: [RevocationEntry]) {
        let order = RevocationEntrySorter.sortedIndices(entries)
        var tables: [RevocationTable] = []
        for type in RevocationHashType.allCases {
            let run = order.runs[Int(type.code) - 1]
            var builder = RevocationTableBuilder(count: order.uniqueCounts[Int(type.code) - 1])
            var position = run.lowerBound
            while position < run.upperBound {
                var entry = entries[order.indices[position]]
                position += 1
                while position < run.upperBound, entries[order.indices[position]].key == entry.key {
                    entry = RevocationEntry.stronger(entry, entries[order.indices[position]])
                    position += 1
                }
                builder.append(high: entry.key.high, low: entry.key.low, suspendedUntil: entry.suspendedUntil)
            }
            tables.append(builder.finish())
        }
        self.init(version: version, issuedAt: issuedAt, nextUpdate: nextUpdate, tables: tables)
    }

    init(version: UInt64, issuedAt: Int64, nextUpdate: Int64, tables: [RevocationTable]) {
        self.version = version
        self.issuedAt = issuedAt
        self.nextUpdate = nextUpdate
        self.tables = tables
    }

    /// The number of listed keys.
    public var count: Int { tables.reduce(0) { $0 + $1.count } }

    /// The bytes the in-memory index holds (records, bucket indexes and suspension tables), for metrics and limits.
    public var storageByteCount: Int {
        tables.reduce(0) { total, table in
            total + table.records.count + table.starts.count * 4 + table.suspendedIndices.count * 12
        }
    }

    /// The number of listed keys of one type.
    public func count(of type: RevocationHashType) -> Int { table(type).count }

    /// The state of `key` at `now` (milliseconds since 1970-01-01 UTC): ``RevocationState/active`` when it is not
    /// listed or its suspension has ended.
    public func lookup(_ key: RevocationKey, now: Int64) -> RevocationState {
        entry(for: key)?.state(now: now) ?? .active
    }

    /// The listed entry of `key`, or nil.
    public func entry(for key: RevocationKey) -> RevocationEntry? {
        let table = table(key.type)
        guard let index = table.index(high: key.high, low: key.low) else { return nil }
        return RevocationEntry(key: key, suspendedUntil: table.suspensionEnd(ofRecord: index))
    }

    /// Whether `key` is listed (revoked or suspended, whether or not the suspension has ended).
    public func contains(_ key: RevocationKey) -> Bool {
        table(key.type).index(high: key.high, low: key.low) != nil
    }

    /// Every entry in key order (an array of ``count`` entries: large for big lists).
    public var entries: [RevocationEntry] {
        var result: [RevocationEntry] = []
        forEachEntry { result.append($0) }
        return result
    }

    /// Calls `body` with every entry in key order.
    public func forEachEntry(_ body: (RevocationEntry) throws -> Void) rethrows {
        for type in RevocationHashType.allCases {
            var cursor = table(type).makeCursor()
            while let item = cursor.next() {
                try body(
                    RevocationEntry(
                        key: RevocationKey(type: type, high: item.high, low: item.low), suspendedUntil: item.suspendedUntil))
            }
        }
    }

    /// The version, times and count (no keys).
    public var description: String {
        "RevocationSnapshot(version: \(version), issuedAt: \(issuedAt), nextUpdate: \(nextUpdate), count: \(count))"
    }

    func table(_ type: RevocationHashType) -> RevocationTable { tables[Int(type.code) - 1] }
}
