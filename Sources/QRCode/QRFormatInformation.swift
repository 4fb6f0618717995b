/// The BCH-coded format information (error correction level and mask, ISO/IEC 18004 7.9) and version
/// information (versions 7 and up, 7.10), and where their modules go.
enum QRFormatInformation {
    /// The 15 format bits for a level and mask: 5 data bits, 10 BCH(15,5) bits with generator 0x537, XOR
    /// 0x5412.
    static func formatBits(level: QRCode.ErrorCorrection, mask: Int) -> Int {
        let data = level.formatBits << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        return (data << 10 | remainder & 0x3FF) ^ 0x5412
    }

    /// The 18 version bits: 6 data bits and 12 BCH(18,6) bits with generator 0x1F25.
    static func versionBits(version: Int) -> Int {
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        return version << 12 | remainder & 0xFFF
    }

    /// The module (x, y) of format bit `bit` (0 = least significant) in the first copy, beside the top-left
    /// finder pattern.
    static func firstCopyPosition(bit: Int) -> (x: Int, y: Int) {
        switch bit {
        case 0...5: (8, bit)
        case 6: (8, 7)
        case 7: (8, 8)
        case 8: (7, 8)
        default: (14 - bit, 8)
        }
    }

    /// The module (x, y) of format bit `bit` in the second copy, split between the top-right and
    /// bottom-left finder patterns.
    static func secondCopyPosition(bit: Int, size: Int) -> (x: Int, y: Int) {
        bit < 8 ? (size - 1 - bit, 8) : (8, size - 15 + bit)
    }
}
