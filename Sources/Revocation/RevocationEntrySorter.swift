/// Sorts entries by key without moving them: a counting sort on the type and the first hash bits (hashes are
/// uniform, so the buckets are small: about 16 to 32 entries), then a comparison sort inside each bucket. Much faster
/// than one comparison sort over millions of entries, and it allocates indices only.
enum RevocationEntrySorter {
    /// Entry indices in key order, the range of each type in them, and the number of distinct keys per type.
    struct Order {
        var indices: [Int]
        var runs: [Range<Int>]
        var uniqueCounts: [Int]
    }

    static func sortedIndices(_ entries: [RevocationEntry]) -> Order {
        // Up to 16 bits of hash per bucket, fewer for small inputs.
        let bits = max(0, min(16, (Int.bitWidth - entries.count.leadingZeroBitCount) - 5))
        let bucketsPerType = 1 << bits
        let typeCount = RevocationHashType.codeCount
        func bucket(_ key: RevocationKey) -> Int {
            (Int(key.type.code) - 1) * bucketsPerType + (bits == 0 ? 0 : Int(key.high >> UInt64(64 - bits)))
        }
        var starts = [Int](repeating: 0, count: typeCount * bucketsPerType + 1)
        for entry in entries { starts[bucket(entry.key) + 1] += 1 }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        var next = starts
        var indices = [Int](repeating: 0, count: entries.count)
        for (index, entry) in entries.enumerated() {
            let target = bucket(entry.key)
            indices[next[target]] = index
            next[target] += 1
        }
        var uniqueCounts = [Int](repeating: 0, count: typeCount)
        for slot in 0..<(typeCount * bucketsPerType) where starts[slot] < starts[slot + 1] {
            let range = starts[slot]..<starts[slot + 1]
            indices[range].sort { entries[$0].key < entries[$1].key }
            var previous: RevocationKey?
            for position in range {
                let key = entries[indices[position]].key
                if key != previous { uniqueCounts[slot / bucketsPerType] += 1 }
                previous = key
            }
        }
        let runs = (0..<typeCount).map { starts[$0 * bucketsPerType]..<starts[($0 + 1) * bucketsPerType] }
        return Order(indices: indices, runs: runs, uniqueCounts: uniqueCounts)
    }
}
