/// Turns segments into the data codewords of a symbol: mode indicators, character counts, data, the
/// terminator and the pad codewords 0xEC 0x11 (ISO/IEC 18004 7.4).
enum QRDataEncoder {
    /// The data codewords for `segments` of `bytes` in `version` at `level`. The segments must fit.
    static func dataCodewords(
        _ bytes: UnsafeBufferPointer<UInt8>, segments: [QRCode.Segment], version: Int, level: QRCode.ErrorCorrection
    ) -> [UInt8] {
        let capacity = QRVersionTable.dataCodewords(version: version, level: level)
        var writer = QRBitWriter(capacity: capacity)
        QRSegmenter.alphanumericValue.withUnsafeBufferPointer { alphanumeric in
            for segment in segments {
                writer.append(segment.mode.indicator, count: 4)
                writer.append(UInt64(segment.range.count), count: segment.mode.countBits(version: version))
                var index = segment.range.lowerBound
                let end = segment.range.upperBound
                switch segment.mode {
                case .numeric:
                    while index + 3 <= end {
                        let value = digit(bytes[index]) * 100 + digit(bytes[index + 1]) * 10 + digit(bytes[index + 2])
                        writer.append(value, count: 10)
                        index += 3
                    }
                    if end - index == 2 {
                        writer.append(digit(bytes[index]) * 10 + digit(bytes[index + 1]), count: 7)
                    } else if end - index == 1 {
                        writer.append(digit(bytes[index]), count: 4)
                    }
                case .alphanumeric:
                    while index + 2 <= end {
                        let value = UInt64(alphanumeric[Int(bytes[index])]) * 45 + UInt64(alphanumeric[Int(bytes[index + 1])])
                        writer.append(value, count: 11)
                        index += 2
                    }
                    if index < end {
                        writer.append(UInt64(alphanumeric[Int(bytes[index])]), count: 6)
                    }
                case .byte:
                    while index < end {
                        writer.append(UInt64(bytes[index]), count: 8)
                        index += 1
                    }
                }
            }
        }
        // Terminator: up to four zero bits, then zero bits to the byte boundary, then pad codewords.
        let capacityBits = capacity * 8
        writer.append(0, count: min(4, capacityBits - writer.bitCount))
        var codewords = writer.finish()
        var index = writer.bitCount / 8
        var pad: UInt8 = 0xEC
        while index < capacity {
            codewords[index] = pad
            pad ^= 0xEC ^ 0x11
            index += 1
        }
        return codewords
    }

    private static func digit(_ byte: UInt8) -> UInt64 { UInt64(byte &- 0x30) }
}
