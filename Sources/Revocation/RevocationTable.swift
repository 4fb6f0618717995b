/// The keys of one hash type in a compact, searchable form: records sorted by hash, found through a bucket index.
///
/// The first ``prefixBytes`` hash bytes (0, 1 or 2, chosen from the count) select a bucket; `starts[b]..<starts[b+1]`
/// are the records of bucket `b`, and each record keeps only the remaining `16 - prefixBytes` hash bytes. With two
/// prefix bytes a record is 14 bytes, and the index is 65,537 × 4 bytes. Inside a bucket a lookup guesses the
/// position from the hash value (hashes are uniform) and gallops from there, so it touches one or two cache lines
/// on average and O(log n) records at worst.
struct RevocationTable: Sendable, Equatable {
    /// Leading hash bytes implied by the bucket.
    let prefixBytes: Int
    /// Bucket starts: `256^prefixBytes + 1` record indices, ascending.
    let starts: [UInt32]
    /// The hash bytes after the prefix, `recordSize` per record, ascending.
    let records: [UInt8]
    /// Indices of the records that are suspensions, ascending.
    let suspendedIndices: [UInt32]
    /// The suspension ends, parallel to ``suspendedIndices``.
    let suspendedUntil: [Int64]

    /// A table without records.
    static let empty = RevocationTable(prefixBytes: 0, starts: [0, 0], records: [], suspendedIndices: [], suspendedUntil: [])

    /// The bytes of one record.
    var recordSize: Int { RevocationKey.hashLength - prefixBytes }

    /// The number of records.
    var count: Int { records.count / recordSize }

    /// The prefix length for a table of `count` records: none for tiny tables, one byte up to 32,768 records
    /// (a 1 KiB index), two bytes above (a 256 KiB index).
    static func prefixBytes(forCount count: Int) -> Int {
        count <= 64 ? 0 : (count <= 32_768 ? 1 : 2)
    }

    /// The record index of a hash, or nil when the table does not hold it.
    func index(high: UInt64, low: UInt64) -> Int? {
        let prefixBits = UInt64(prefixBytes * 8)
        let bucket = prefixBits == 0 ? 0 : Int(high >> (64 - prefixBits))
        // The key's bytes as the records store them: bytes prefixBytes..<prefixBytes+8, and bytes 8..<16.
        let first = prefixBits == 0 ? high : (high << prefixBits) | (low >> (64 - prefixBits))
        let second = low
        let size = recordSize
        return starts.withUnsafeBufferPointer { starts in
            let lower = Int(starts[bucket])
            let upper = Int(starts[bucket + 1])
            guard lower < upper else { return nil }
            return records.withUnsafeBytes { records in
                Self.search(records, size: size, in: lower..<upper, first: first, second: second)
            }
        }
    }

    /// Compares the record at `index` with the key: negative when the record is smaller.
    @inline(__always)
    private static func compare(
        _ records: UnsafeRawBufferPointer, size: Int, _ index: Int, first: UInt64, second: UInt64
    ) -> Int {
        let offset = index * size
        let recordFirst = records.loadUnaligned(fromByteOffset: offset, as: UInt64.self).bigEndian
        if recordFirst != first { return recordFirst < first ? -1 : 1 }
        // Overlaps the first word when size < 16; those bytes are equal here, so this compares the rest.
        let recordSecond = records.loadUnaligned(fromByteOffset: offset + size - 8, as: UInt64.self).bigEndian
        if recordSecond != second { return recordSecond < second ? -1 : 1 }
        return 0
    }

    /// Interpolation guess, galloping to a window, then binary search inside it.
    private static func search(
        _ records: UnsafeRawBufferPointer, size: Int, in range: Range<Int>, first: UInt64, second: UInt64
    ) -> Int? {
        let count = UInt64(range.count)
        let guess = range.lowerBound + min(Int((count &* (first >> 32)) >> 32), range.count - 1)
        let atGuess = compare(records, size: size, guess, first: first, second: second)
        if atGuess == 0 { return guess }
        var lower: Int
        var upper: Int
        var step = 1
        if atGuess < 0 {
            lower = guess + 1
            upper = range.upperBound
            while guess + step < range.upperBound {
                let probe = guess + step
                let order = compare(records, size: size, probe, first: first, second: second)
                if order == 0 { return probe }
                if order > 0 {
                    upper = probe
                    break
                }
                lower = probe + 1
                step <<= 1
            }
        } else {
            lower = range.lowerBound
            upper = guess
            while guess - step >= range.lowerBound {
                let probe = guess - step
                let order = compare(records, size: size, probe, first: first, second: second)
                if order == 0 { return probe }
                if order < 0 {
                    lower = probe + 1
                    break
                }
                upper = probe
                step <<= 1
            }
        }
        while lower < upper {
            let middle = lower + (upper - lower) / 2
            let order = compare(records, size: size, middle, first: first, second: second)
            if order == 0 { return middle }
            if order < 0 { lower = middle + 1 } else { upper = middle }
        }
        return nil
    }

    /// The suspension end of the record at `index`, or nil when it is a permanent revocation.
    func suspensionEnd(ofRecord index: Int) -> Int64? {
        guard !suspendedIndices.isEmpty else { return nil }
        var lower = 0
        var upper = suspendedIndices.count
        let target = UInt32(truncatingIfNeeded: index)
        while lower < upper {
            let middle = lower + (upper - lower) / 2
            let value = suspendedIndices[middle]
            if value == target { return suspendedUntil[middle] }
            if value < target { lower = middle + 1 } else { upper = middle }
        }
        return nil
    }
}
