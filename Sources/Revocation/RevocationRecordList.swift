/// A validated list of 17-byte records (type code, 16 hash bytes) inside untrusted input, with its suspension table.
///
/// Reading checks everything before anything is built: the count against the limit, that the bytes are present,
/// known type codes, strictly ascending keys (so no duplicates), and suspension indices that are in range and
/// strictly ascending.
struct RevocationRecordList {
    /// The size of one encoded record.
    static let recordSize = 17
    /// The size of one encoded suspension: record index (4 bytes) and end (8 bytes).
    static let suspensionSize = 12

    /// The input holding the records.
    let bytes: [UInt8]
    /// Offset of the first record.
    let offset: Int
    /// Number of records.
    let count: Int
    /// Records per type, at index `code - 1`.
    let countsByType: [Int]
    /// Record indices with a suspension, ascending, and their ends.
    var suspendedIndices: [Int] = []
    var suspendedUntil: [Int64] = []

    /// Reads a count and that many records; `limit` caps the count.
    static func read(
        _ reader: inout RevocationByteReader, limit: Int, what: String
    ) throws(RevocationError) -> RevocationRecordList {
        let announced = try reader.readUInt32("the \(what) count")
        guard let count = Int(exactly: announced), count <= limit else {
            throw RevocationError(.limitExceeded, "expected at most \(limit) \(what), found \(announced) announced")
        }
        try reader.require(count.multipliedReportingOverflow(by: recordSize), "\(count) \(what)")
        let start = reader.offset
        let bytes = reader.bytes
        let result: (counts: [Int], badIndex: Int?, badType: Bool) = bytes.withUnsafeBytes { raw in
            var counts = [Int](repeating: 0, count: RevocationHashType.codeCount)
            var previous: (code: UInt8, high: UInt64, low: UInt64) = (0, 0, 0)
            for index in 0..<count {
                let offset = start + index * recordSize
                let code = raw[offset]
                guard code >= 1, Int(code) <= RevocationHashType.codeCount else { return (counts, index, true) }
                let high = raw.loadUnaligned(fromByteOffset: offset + 1, as: UInt64.self).bigEndian
                let low = raw.loadUnaligned(fromByteOffset: offset + 9, as: UInt64.self).bigEndian
                if index > 0, !(previous < (code, high, low)) { return (counts, index, false) }
                previous = (code, high, low)
                counts[Int(code) - 1] += 1
            }
            return (counts, nil, false)
        }
        if let index = result.badIndex {
            throw RevocationError(
                .malformed,
                result.badType
                    ? "expected a hash type code from 1 to \(RevocationHashType.codeCount) in \(what) record \(index), found another byte"
                    : "expected \(what) records in strictly ascending order, found record \(index) not above the one before")
        }
        try reader.skip(count * recordSize, "\(count) \(what)")
        return RevocationRecordList(bytes: bytes, offset: start, count: count, countsByType: result.counts)
    }

    /// Reads the suspension table that follows the records.
    mutating func readSuspensions(_ reader: inout RevocationByteReader, what: String) throws(RevocationError) {
        let announced = try reader.readUInt32("the \(what) suspension count")
        guard let suspensions = Int(exactly: announced), suspensions <= count else {
            throw RevocationError(
                .malformed, "expected at most one suspension per record (\(count)), found \(announced) announced")
        }
        try reader.require(suspensions.multipliedReportingOverflow(by: Self.suspensionSize), "\(suspensions) suspensions")
        var indices: [Int] = []
        var ends: [Int64] = []
        for position in 0..<suspensions {
            let index = Int(exactly: try reader.readUInt32("a suspension index")) ?? Int.max
            let end = try reader.readInt64("a suspension end")
            guard index < count else {
                throw RevocationError(
                    .malformed, "expected suspension \(position) to name one of \(count) records, found index \(index)")
            }
            if let last = indices.last, index <= last {
                throw RevocationError(
                    .malformed, "expected suspension indices in strictly ascending order, found \(index) after \(last)")
            }
            indices.append(index)
            ends.append(end)
        }
        suspendedIndices = indices
        suspendedUntil = ends
    }

    /// The key of record `index`.
    func key(at index: Int) -> RevocationKey {
        let offset = self.offset + index * Self.recordSize
        let type = RevocationHashType(code: bytes[offset]) ?? .uci
        return RevocationKey(
            type: type, high: RevocationKey.bigEndianWord(bytes, at: offset + 1),
            low: RevocationKey.bigEndianWord(bytes, at: offset + 9))
    }

    /// Every record as an entry, in order.
    func entries() -> [RevocationEntry] {
        var result: [RevocationEntry] = []
        var suspension = 0
        for index in 0..<count {
            var until: Int64?
            if suspension < suspendedIndices.count, suspendedIndices[suspension] == index {
                until = suspendedUntil[suspension]
                suspension += 1
            }
            result.append(RevocationEntry(key: key(at: index), suspendedUntil: until))
        }
        return result
    }

    /// One table per type, built straight from the records.
    func tables() -> [RevocationTable] {
        var tables: [RevocationTable] = []
        var index = 0
        var suspension = 0
        bytes.withUnsafeBytes { raw in
            for typeCount in countsByType {
                var builder = RevocationTableBuilder(count: typeCount)
                for _ in 0..<typeCount {
                    let offset = self.offset + index * Self.recordSize
                    var until: Int64?
                    if suspension < suspendedIndices.count, suspendedIndices[suspension] == index {
                        until = suspendedUntil[suspension]
                        suspension += 1
                    }
                    builder.append(
                        high: raw.loadUnaligned(fromByteOffset: offset + 1, as: UInt64.self).bigEndian,
                        low: raw.loadUnaligned(fromByteOffset: offset + 9, as: UInt64.self).bigEndian,
                        suspendedUntil: until)
                    index += 1
                }
                tables.append(builder.finish())
            }
        }
        return tables
    }
}
