/// Reads big-endian integers from untrusted bytes; running out of bytes throws `REVOCATION_TRUNCATED`.
struct RevocationByteReader {
    let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var remaining: Int { bytes.count - offset }

    /// Throws unless a byte count that may have overflowed is present.
    func require(_ count: (partialValue: Int, overflow: Bool), _ what: String) throws(RevocationError) {
        guard !count.overflow else {
            throw RevocationError(.truncated, "expected more bytes of \(what) than can be addressed at offset \(offset)")
        }
        try require(count.partialValue, what)
    }

    /// Throws unless `count` more bytes are present; `what` names them in the message.
    func require(_ count: Int, _ what: String) throws(RevocationError) {
        guard count <= remaining else {
            throw RevocationError(
                .truncated, "expected \(count) bytes of \(what) at offset \(offset), found \(remaining)")
        }
    }

    mutating func skip(_ count: Int, _ what: String) throws(RevocationError) {
        try require(count, what)
        offset += count
    }

    mutating func readBytes(_ count: Int, _ what: String) throws(RevocationError) -> ArraySlice<UInt8> {
        try require(count, what)
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func readUInt8(_ what: String) throws(RevocationError) -> UInt8 {
        try require(1, what)
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readUInt32(_ what: String) throws(RevocationError) -> UInt32 {
        try require(4, what)
        var value: UInt32 = 0
        for index in offset..<(offset + 4) { value = value << 8 | UInt32(bytes[index]) }
        offset += 4
        return value
    }

    mutating func readUInt64(_ what: String) throws(RevocationError) -> UInt64 {
        try require(8, what)
        let value = RevocationKey.bigEndianWord(bytes, at: offset)
        offset += 8
        return value
    }

    mutating func readInt64(_ what: String) throws(RevocationError) -> Int64 {
        Int64(bitPattern: try readUInt64(what))
    }

    /// Checks that every byte was read.
    func expectEnd(_ what: String) throws(RevocationError) {
        guard remaining == 0 else {
            throw RevocationError(.malformed, "expected the \(what) to end at offset \(offset), found \(remaining) more bytes")
        }
    }
}
