/// Writes bits most significant first into a fixed-size codeword buffer.
struct QRBitWriter {
    /// The codewords, zero-filled to the data capacity.
    private(set) var bytes: [UInt8]
    /// Bits written so far.
    private(set) var bitCount = 0
    private var accumulator: UInt64 = 0
    private var pending = 0

    /// Creates a writer for `capacity` codewords.
    init(capacity: Int) {
        bytes = [UInt8](repeating: 0, count: capacity)
    }

    /// Appends the low `count` bits of `value` (count ≤ 32), most significant first. The caller keeps the
    /// total within the capacity.
    mutating func append(_ value: UInt64, count: Int) {
        guard count > 0 else { return }
        accumulator = accumulator << UInt64(count) | (value & ((1 << UInt64(count)) - 1))
        pending += count
        bitCount += count
        while pending >= 8 {
            pending -= 8
            bytes[(bitCount - pending) / 8 - 1] = UInt8(truncatingIfNeeded: accumulator >> UInt64(pending))
        }
        accumulator &= (1 << UInt64(pending)) - 1
    }

    /// Flushes a partial byte (padding it with zero bits) and returns the codewords.
    mutating func finish() -> [UInt8] {
        if pending > 0 {
            bytes[bitCount / 8] = UInt8(truncatingIfNeeded: accumulator << UInt64(8 - pending))
            bitCount += 8 - pending
            pending = 0
            accumulator = 0
        }
        return bytes
    }
}
