extension QRCode {
    /// An encoding mode of a data segment (ECI and Kanji are not used).
    public enum Mode: Sendable, Hashable, CaseIterable {
        /// Digits 0-9, three per 10 bits.
        case numeric
        /// Digits, upper-case letters, space and `$%*+-./:`, two per 11 bits.
        case alphanumeric
        /// Any byte, 8 bits each.
        case byte

        /// Index used by the segmenter's tables.
        var ordinal: Int {
            switch self {
            case .numeric: 0
            case .alphanumeric: 1
            case .byte: 2
            }
        }

        /// The 4-bit mode indicator.
        var indicator: UInt64 {
            switch self {
            case .numeric: 0b0001
            case .alphanumeric: 0b0010
            case .byte: 0b0100
            }
        }

        /// Width of the character count field for a version (ISO/IEC 18004 Table 3).
        func countBits(version: Int) -> Int {
            let widthClass = version <= 9 ? 0 : version <= 26 ? 1 : 2
            return countBits(widthClass: widthClass)
        }

        /// Width of the character count field for versions 1-9 (class 0), 10-26 (1) and 27-40 (2).
        func countBits(widthClass: Int) -> Int {
            switch self {
            case .numeric: [10, 12, 14][widthClass]
            case .alphanumeric: [9, 11, 13][widthClass]
            case .byte: [8, 16, 16][widthClass]
            }
        }

        /// Bits for `count` characters of data in this mode, without header.
        func dataBits(count: Int) -> Int {
            switch self {
            case .numeric: (count / 3) * 10 + [0, 4, 7][count % 3]
            case .alphanumeric: (count / 2) * 11 + (count % 2) * 6
            case .byte: count * 8
            }
        }
    }

    /// One segment of the encoded data: a mode and the range of input bytes it covers.
    public struct Segment: Sendable, Hashable {
        /// The mode the bytes are encoded in.
        public let mode: Mode
        /// The input bytes (indices into the encoded bytes) the segment covers.
        public let range: Range<Int>

        /// Creates a segment.
        public init(mode: Mode, range: Range<Int>) {
            self.mode = mode
            self.range = range
        }

        /// Bits of this segment (mode indicator, character count and data) in a symbol of `version`.
        public func bitCount(version: Int) -> Int {
            4 + mode.countBits(version: version) + mode.dataBits(count: range.count)
        }
    }
}
