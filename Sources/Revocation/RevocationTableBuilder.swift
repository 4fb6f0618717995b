/// Builds a ``RevocationTable`` from hashes given in strictly ascending order, with the final count known up front.
struct RevocationTableBuilder {
    private let prefixBytes: Int
    private let recordSize: Int
    private let capacity: Int
    private var starts: [UInt32]
    private var records: [UInt8]
    private var suspendedIndices: [UInt32] = []
    private var suspendedUntil: [Int64] = []
    private var index = 0
    private var nextBucket = 0

    /// A builder for exactly `count` records. `count` must come from trusted data or from input whose bytes were
    /// already checked to be present, since the record storage is allocated at once.
    init(count: Int) {
        prefixBytes = RevocationTable.prefixBytes(forCount: count)
        recordSize = RevocationKey.hashLength - prefixBytes
        capacity = count
        starts = [UInt32](repeating: 0, count: (1 << (8 * prefixBytes)) + 1)
        records = [UInt8](repeating: 0, count: count * recordSize)
    }

    /// Appends the next hash, larger than every hash appended before; ignored beyond the announced count.
    mutating func append(high: UInt64, low: UInt64, suspendedUntil until: Int64?) {
        guard index < capacity else { return }
        let prefixBits = UInt64(prefixBytes * 8)
        let bucket = prefixBits == 0 ? 0 : Int(high >> (64 - prefixBits))
        while nextBucket <= bucket {
            starts[nextBucket] = UInt32(truncatingIfNeeded: index)
            nextBucket += 1
        }
        let first = prefixBits == 0 ? high : (high << prefixBits) | (low >> (64 - prefixBits))
        let offset = index * recordSize
        let size = recordSize
        records.withUnsafeMutableBytes { bytes in
            // The second word goes last: when it overlaps the first, the overlapping bytes are the same.
            bytes.storeBytes(of: first.bigEndian, toByteOffset: offset, as: UInt64.self)
            bytes.storeBytes(of: low.bigEndian, toByteOffset: offset + size - 8, as: UInt64.self)
        }
        if let until {
            suspendedIndices.append(UInt32(truncatingIfNeeded: index))
            suspendedUntil.append(until)
        }
        index += 1
    }

    /// The table. Callers append exactly the announced count; should fewer arrive, the unused storage is dropped.
    func finish() -> RevocationTable {
        var starts = self.starts
        var records = self.records
        if index < capacity { records.removeLast((capacity - index) * recordSize) }
        for bucket in nextBucket..<starts.count { starts[bucket] = UInt32(truncatingIfNeeded: index) }
        return RevocationTable(
            prefixBytes: prefixBytes, starts: starts, records: records, suspendedIndices: suspendedIndices,
            suspendedUntil: suspendedUntil)
    }
}
