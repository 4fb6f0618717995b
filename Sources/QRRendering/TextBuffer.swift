/// A growing UTF-8 byte buffer for the text renderers, cheaper than `String` interpolation in a loop.
struct TextBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends a non-negative decimal number.
    mutating func append(_ number: Int) {
        if number < 10 {
            bytes.append(0x30 + UInt8(truncatingIfNeeded: number))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var value = number.magnitude
        withUnsafeMutableBytes(of: &digits) { digits in
            repeat {
                digits[count] = 0x30 + UInt8(truncatingIfNeeded: value % 10)
                value /= 10
                count += 1
            } while value > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(digits[index]) }
        }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
