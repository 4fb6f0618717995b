/// Strict UTF-8 validation (Unicode Table 3-7, "Well-Formed UTF-8 Byte Sequences"): no overlong forms, no
/// surrogates, nothing above U+10FFFF.
enum UTF8Validation {
    /// The offset of the first byte of the first ill-formed sequence, or nil when `bytes` is well-formed UTF-8.
    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // Most text is ASCII: one pass that the compiler vectorizes settles it.
        var combined: UInt8 = 0
        for byte in bytes { combined |= byte }
        if combined < 0x80 { return nil }

        let count = bytes.count
        var index = 0
        while index < count {
            // ASCII fast path, eight bytes at a time.
            if count - index >= 8, let base = bytes.baseAddress {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var secondLow: UInt8 = 0x80
            var secondHigh: UInt8 = 0xbf
            switch lead {
            case 0xc2...0xdf: length = 2
            case 0xe0: length = 3; secondLow = 0xa0
            case 0xe1...0xec, 0xee...0xef: length = 3
            case 0xed: length = 3; secondHigh = 0x9f
            case 0xf0: length = 4; secondLow = 0x90
            case 0xf1...0xf3: length = 4
            case 0xf4: length = 4; secondHigh = 0x8f
            default: return index
            }
            guard count - index >= length else { return index }
            let second = bytes[index + 1]
            guard second >= secondLow, second <= secondHigh else { return index }
            var continuation = 2
            while continuation < length {
                guard bytes[index + continuation] & 0xc0 == 0x80 else { return index }
                continuation += 1
            }
            index += length
        }
        return nil
    }
}
