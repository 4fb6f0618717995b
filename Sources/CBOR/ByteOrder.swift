/// Bytewise lexicographic order, the order of map keys in deterministic CBOR (RFC 8949 section 4.2.1).
enum ByteOrder {
    /// Negative when `lhs` sorts first, zero when equal, positive when `rhs` sorts first. A proper prefix sorts first.
    @inline(__always)
    static func compare(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(lhs.count, rhs.count)
        var index = 0
        while index < common {
            let left = lhs[index]
            let right = rhs[index]
            if left != right { return left < right ? -1 : 1 }
            index += 1
        }
        return lhs.count - rhs.count
    }
}
