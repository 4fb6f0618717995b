extension RevocationTable {
    /// One record, with its full hash.
    struct Item: Equatable {
        var high: UInt64
        var low: UInt64
        var suspendedUntil: Int64?
    }

    /// Walks the records in ascending order, rebuilding each full hash from its bucket and record bytes.
    struct Cursor: IteratorProtocol {
        let table: RevocationTable
        private var index = 0
        private var bucket = 0
        private var suspension = 0
        private let count: Int

        init(_ table: RevocationTable) {
            self.table = table
            self.count = table.count
        }

        mutating func next() -> Item? {
            guard index < count else { return nil }
            while Int(table.starts[bucket + 1]) <= index { bucket += 1 }
            let size = table.recordSize
            let offset = index * size
            let (first, second) = table.records.withUnsafeBytes { bytes in
                (
                    bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self).bigEndian,
                    bytes.loadUnaligned(fromByteOffset: offset + size - 8, as: UInt64.self).bigEndian
                )
            }
            let prefixBits = UInt64(table.prefixBytes * 8)
            let high = prefixBits == 0 ? first : (UInt64(bucket) << (64 - prefixBits)) | (first >> prefixBits)
            var until: Int64?
            if suspension < table.suspendedIndices.count, Int(table.suspendedIndices[suspension]) == index {
                until = table.suspendedUntil[suspension]
                suspension += 1
            }
            index += 1
            return Item(high: high, low: second, suspendedUntil: until)
        }
    }

    /// A cursor at the first record.
    func makeCursor() -> Cursor { Cursor(self) }
}
