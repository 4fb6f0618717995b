import QRCode
import TestSupport
import Testing

/// The segmentation must be the shortest bit stream over all ways to split the data into numeric,
/// alphanumeric and byte segments, for the version chosen.
@Suite("Optimal mixed-mode segmentation")
struct QRSegmentationTests {
    /// Character-count-field widths (ISO/IEC 18004 Table 3) per width class: numeric, alphanumeric, byte.
    static let countBits = [[10, 9, 8], [12, 11, 16], [14, 13, 16]]

    static func widthClass(_ version: Int) -> Int { version <= 9 ? 0 : version <= 26 ? 1 : 2 }

    /// Mode index of each byte's densest possible mode: 0 numeric, 1 alphanumeric, 2 byte.
    static func densest(_ byte: UInt8) -> Int {
        if byte >= 0x30 && byte <= 0x39 { return 0 }
        return Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8).contains(byte) ? 1 : 2
    }

    /// Bits of one segment, computed independently of the encoder.
    static func bits(mode: Int, count: Int, widthClass: Int) -> Int {
        let data: Int
        switch mode {
        case 0: data = 10 * (count / 3) + [0, 4, 7][count % 3]
        case 1: data = 11 * (count / 2) + 6 * (count % 2)
        default: data = 8 * count
        }
        return 4 + countBits[widthClass][mode] + data
    }

    /// The fewest bits over every assignment of an allowed mode to each character (exhaustive: 3^n).
    static func bruteForceMinimum(_ bytes: [UInt8], widthClass: Int) -> Int {
        if bytes.isEmpty { return 0 }
        var best = Int.max
        var modes = bytes.map(densest)
        func total() -> Int {
            var sum = 0
            var start = 0
            for index in 1...modes.count where index == modes.count || modes[index] != modes[start] {
                sum += bits(mode: modes[start], count: index - start, widthClass: widthClass)
                start = index
            }
            return sum
        }
        func assign(_ index: Int) {
            if index == bytes.count {
                best = min(best, total())
                return
            }
            for mode in densest(bytes[index])...2 {
                modes[index] = mode
                assign(index + 1)
            }
        }
        assign(0)
        return best
    }

    /// Bits of the encoder's segments, by the independent formula, after checking they tile the input and
    /// use modes the bytes allow.
    static func bitsOfSegments(_ code: QRCode, _ bytes: [UInt8]) -> Int {
        var next = 0
        var sum = 0
        let modeIndex: [QRCode.Mode: Int] = [.numeric: 0, .alphanumeric: 1, .byte: 2]
        for segment in code.segments {
            #expect(segment.range.lowerBound == next)
            let mode = modeIndex[segment.mode]!
            #expect(bytes[segment.range].allSatisfy { densest($0) <= mode })
            sum += bits(mode: mode, count: segment.range.count, widthClass: widthClass(code.version))
            #expect(segment.bitCount(version: code.version) == bits(mode: mode, count: segment.range.count, widthClass: widthClass(code.version)))
            next = segment.range.upperBound
        }
        #expect(next == bytes.count)
        return sum
    }

    @Test func shcTextIsOneByteSegmentThenNumeric() throws {
        let text = "shc:/" + String(repeating: "5676290952432060", count: 60)
        let code = try QRCode(encoding: text, options: .init(errorCorrection: .low))
        #expect(code.segments == [
            QRCode.Segment(mode: .byte, range: 0..<5), QRCode.Segment(mode: .numeric, range: 5..<965),
        ])
    }

    @Test func chunkedSHCTextKeepsTheChunkHeaderInByteMode() throws {
        let text = "shc:/2/3/" + String(repeating: "56762909524320603460", count: 50)
        let code = try QRCode(encoding: text, options: .init(errorCorrection: .low))
        #expect(code.segments.map(\.mode) == [.byte, .numeric])
        #expect(code.segments[0].range == 0..<9)
    }

    @Test func hc1TextIsOneAlphanumericSegment() throws {
        let text = "HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH-R6IOOK.IR9B+9D-SQ8HG6JV4P%W7JA3ZR:Y6.0A"
        let code = try QRCode(encoding: text, options: .init(errorCorrection: .quartile))
        #expect(code.segments == [QRCode.Segment(mode: .alphanumeric, range: 0..<text.utf8.count)])
    }

    @Test func shortDigitRunsStayInTheSurroundingMode() throws {
        // Switching to numeric for 3 digits inside alphanumeric text costs more than it saves.
        let code = try QRCode(encoding: "ABC123DEF")
        #expect(code.segments.map(\.mode) == [.alphanumeric])
        let bytes = try QRCode(encoding: "abc12def")
        #expect(bytes.segments.map(\.mode) == [.byte])
    }

    @Test func longRunsGetTheirOwnSegments() throws {
        let text = "abcdefgh" + String(repeating: "0123456789", count: 5) + "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "xyz"
        let code = try QRCode(encoding: text)
        #expect(code.segments.map(\.mode) == [.byte, .numeric, .alphanumeric, .byte])
    }

    /// Short strings over a small alphabet that mixes all three classes, checked against the exhaustive minimum
    /// for each width class (versions 1, 10 and 27 forced).
    @Test(arguments: [1, 10, 27])
    func matchesTheExhaustiveMinimum(version: Int) throws {
        var random = SeededGenerator(seed: 0x5E6 + UInt64(version))
        let alphabet = Array("0123AB:xy".utf8)
        for _ in 0..<120 {
            let length = 1 + Int(random.next() % 9)
            let bytes = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let code = try QRCode(encoding: bytes, options: .init(errorCorrection: .low, forcedVersion: version))
            let expected = Self.bruteForceMinimum(bytes, widthClass: Self.widthClass(version))
            #expect(Self.bitsOfSegments(code, bytes) == expected, "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    /// The fewest bits by a dynamic program over segment boundaries (O(n²), a different formulation from the
    /// encoder's per-character one): best[i] = min over j < i and modes allowed for bytes j..<i of
    /// best[j] + bits(mode, i - j).
    static func referenceMinimum(_ bytes: [UInt8], widthClass: Int) -> Int {
        var best = [Int](repeating: Int.max, count: bytes.count + 1)
        best[0] = 0
        for end in stride(from: 1, through: bytes.count, by: 1) {
            var loosest = 0
            for start in stride(from: end - 1, through: 0, by: -1) {
                loosest = max(loosest, densest(bytes[start]))
                for mode in loosest...2 {
                    best[end] = min(best[end], best[start] + bits(mode: mode, count: end - start, widthClass: widthClass))
                }
            }
        }
        return best[bytes.count]
    }

    /// Data codewords per version at level L (ISO/IEC 18004 Table 7), versions 1-40.
    static let dataCodewordsL = [
        19, 34, 55, 80, 108, 136, 156, 194, 232, 274, 324, 370, 428, 461, 523, 589, 647, 721, 795, 861,
        932, 1006, 1094, 1174, 1276, 1370, 1468, 1531, 1631, 1735, 1843, 1955, 2071, 2191, 2306, 2434,
        2566, 2702, 2812, 2956,
    ]

    /// Longer mixed payloads: the segments are as short as the reference minimum for the chosen version's width
    /// class, and the version before it cannot hold the reference minimum of its own class.
    @Test func versionAndSegmentsAreOptimalForLongerPayloads() throws {
        var random = SeededGenerator(seed: 0xC0FFEE)
        for round in 0..<48 {
            let kind: PayloadKind = [.mixed, .shc, .hc1, .utf8Text, .asciiText, .numeric][round % 6]
            let payload = Payloads.make(kind, length: 1 + Int(random.next() % 700), level: .low, using: &random)
            let code = try QRCode(encoding: payload.bytes, options: .init(errorCorrection: .low))
            let used = Self.bitsOfSegments(code, payload.bytes)
            #expect(used == Self.referenceMinimum(payload.bytes, widthClass: Self.widthClass(code.version)), "\(payload)")
            #expect(used <= Self.dataCodewordsL[code.version - 1] * 8)
            if code.version > 1 {
                let smaller = code.version - 1
                let needed = Self.referenceMinimum(payload.bytes, widthClass: Self.widthClass(smaller))
                #expect(needed > Self.dataCodewordsL[smaller - 1] * 8, "\(payload) fits version \(smaller)")
            }
        }
    }

    /// Mixed payloads sized around the capacities of versions 9 and 26 at L (the last versions before the
    /// character count fields widen) still get the smallest version.
    @Test func widthClassBoundariesAreCrossedCorrectly() throws {
        var random = SeededGenerator(seed: 0xB0D)
        for length in [200, 215, 225, 235, 245, 1180, 1230, 1260, 1290] {
            let payload = Payloads.make(.mixed, length: length, level: .low, using: &random)
            let minimumPerClass = (0..<3).map { Self.referenceMinimum(payload.bytes, widthClass: $0) }
            let smallest = (1...40).first { version in
                minimumPerClass[Self.widthClass(version)] <= Self.dataCodewordsL[version - 1] * 8
            }
            let code = try QRCode(encoding: payload.bytes, options: .init(errorCorrection: .low))
            #expect(code.version == smallest, "\(payload)")
        }
    }
}
