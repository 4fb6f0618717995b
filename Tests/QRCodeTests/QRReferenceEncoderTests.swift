import Foundation
import QRCode
import TestSupport
import Testing

/// Bit-exact agreement with two independent encoders for fixed mode, version, level and mask: segno (Python,
/// `segno.make_qr(..., version=, error=, mask=, mode=)`) and libqrencode (Debian `qrencode -t ASCII`).
@Suite("Bit-exact agreement with segno and libqrencode")
struct QRReferenceEncoderTests {
    static let levels = QRCode.ErrorCorrection.allCases
    static let versions = [1, 2, 3, 5, 7, 9, 10, 13, 16, 20, 24, 26, 27, 31, 35, 40]

    /// Data codewords per version (1-40) at L, M, Q, H (ISO/IEC 18004 Table 7).
    static func dataCodewords(_ version: Int, _ level: QRCode.ErrorCorrection) -> Int {
        QRReferenceTables.dataCodewords[QRCode.ErrorCorrection.allCases.firstIndex(of: level)!][version - 1]
    }

    struct Case: CustomStringConvertible {
        let bytes: [UInt8]
        let mode: String
        let version: Int
        let level: QRCode.ErrorCorrection
        let mask: Int
        var description: String { "\(mode) \(bytes.count) chars, version \(version)-\(level.rawValue) mask \(mask)" }
    }

    /// Numeric and alphanumeric cases for segno. segno pads a bit stream that ends on a byte boundary after the
    /// terminator with one more zero byte before the pad codewords (ISO/IEC 18004 7.4.10 adds padding bits only
    /// when the stream does not end on a boundary), so lengths are chosen where the stream does not.
    static func segnoCases() -> [Case] {
        var random = SeededGenerator(seed: 0x5E6)
        var cases: [Case] = []
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)
        for (index, version) in versions.enumerated() {
            for (levelIndex, level) in levels.enumerated() {
                let mode = (index + levelIndex) % 2 == 0 ? "numeric" : "alphanumeric"
                let widthClass = version <= 9 ? 0 : version <= 26 ? 1 : 2
                let countBits = mode == "numeric" ? [10, 12, 14][widthClass] : [9, 11, 13][widthClass]
                let capacity = dataCodewords(version, level) * 8
                var length = 1 + Int(random.next() % UInt64(mode == "numeric" ? capacity * 3 / 10 : capacity * 2 / 11 - 4))
                func bits(_ count: Int) -> Int {
                    4 + countBits + (mode == "numeric"
                        ? 10 * (count / 3) + [0, 4, 7][count % 3] : 11 * (count / 2) + 6 * (count % 2))
                }
                while bits(length) > capacity - 4 || (bits(length) + 4) % 8 == 0 { length -= 1 }
                let alphabet = mode == "numeric" ? Array("0123456789".utf8) : letters
                let bytes = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
                cases.append(Case(bytes: bytes, mode: mode, version: version, level: level, mask: (index * 4 + levelIndex) % 8))
            }
        }
        return cases
    }

    @Test func matricesEqualSegnosForFixedModeVersionLevelAndMask() throws {
        let cases = Self.segnoCases()
        let request = cases.map { item -> [String: Any] in
            ["data_hex": Hex.encode(item.bytes), "mode": item.mode, "version": item.version,
             "level": item.level.rawValue, "mask": item.mask]
        }
        let answer = try #require(try PythonInterop.call("segno-matrix", ["cases": request]) as? [[String]])
        try #require(answer.count == cases.count)
        for (item, expected) in zip(cases, answer) {
            let code = try QRCode(
                encoding: item.bytes,
                options: .init(errorCorrection: item.level, forcedVersion: item.version, forcedMask: item.mask))
            #expect(code.segments.count == 1, "\(item)")
            #expect(code.matrixLines == expected, "\(item)")
        }
        #expect(cases.count == Self.versions.count * 4)
    }

    /// Runs `qrencode -t ASCII -m 0` and returns the matrix rows ("##" dark, "  " light) as "0"/"1" text.
    static func qrencode(_ text: String, level: QRCode.ErrorCorrection, eightBit: Bool) throws -> [String] {
        let executable = try ExternalTool.locate("qrencode", hint: ExternalTool.qrencodeHint)
        var arguments = ["-t", "ASCII", "-m", "0", "-l", level.rawValue, "-o", "-"]
        if eightBit { arguments.append("-8") }
        arguments.append(text)
        let output = try ExternalTool.run(executable, arguments)
        guard output.status == 0 else { throw PythonInterop.Failure(description: "qrencode failed: \(output.standardError)") }
        return output.text.split(separator: "\n").map { line in
            let characters = Array(line)
            return String(stride(from: 0, to: characters.count, by: 2).map { characters[$0] == "#" ? "1" : "0" })
        }
    }

    /// The mask in a matrix's first format information copy (read independently of the encoder).
    static func maskInFormatInformation(_ rows: [String]) -> Int {
        let bits = rows.map { Array($0) }
        let positions = [(0, 8), (1, 8), (2, 8), (3, 8), (4, 8), (5, 8), (7, 8), (8, 8), (8, 7)]
        var word = 0
        for (x, y) in positions { word = word << 1 | (bits[y][x] == "1" ? 1 : 0) }
        for y in [5, 4, 3, 2, 1, 0] { word = word << 1 | (bits[y][8] == "1" ? 1 : 0) }
        return (word ^ 0x5412) >> 10 & 7
    }

    /// libqrencode picks its own version and mask; the symbol must equal ours with that version and mask forced,
    /// and the version must equal the one we pick. Texts are single-mode so that both encoders segment alike.
    @Test(arguments: ["numeric", "alphanumeric", "byte"])
    func matricesEqualLibqrencodesForItsVersionAndMask(mode: String) throws {
        var random = SeededGenerator(seed: mode == "byte" ? 0x8B : mode == "numeric" ? 0x4E : 0x41)
        let alphabet: [UInt8] = switch mode {
        case "numeric": Array("0123456789".utf8)
        case "alphanumeric": Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)
        default: Array("abcdefghijklmnopqrstuvwxyz!?,;".utf8)
        }
        let expectedMode: QRCode.Mode = mode == "numeric" ? .numeric : mode == "alphanumeric" ? .alphanumeric : .byte
        for round in 0..<24 {
            let level = Self.levels[round % 4]
            let capacity = Payloads.maximumLength(mode == "numeric" ? .numeric : mode == "byte" ? .asciiText : .alphanumeric, level: level)
            let length = round < 8 ? 1 + Int(random.next() % 60) : 1 + Int(random.next() % UInt64(capacity))
            let bytes = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let text = String(decoding: bytes, as: UTF8.self)
            let reference = try Self.qrencode(text, level: level, eightBit: mode == "byte")
            let version = (reference.count - 17) / 4
            let mask = Self.maskInFormatInformation(reference)
            let automatic = try QRCode(encoding: bytes, options: .init(errorCorrection: level))
            #expect(automatic.version == version, "\(mode) \(length) at \(level.rawValue)")
            #expect(automatic.segments.map(\.mode) == [expectedMode])
            let forced = try QRCode(
                encoding: bytes, options: .init(errorCorrection: level, forcedVersion: version, forcedMask: mask))
            #expect(forced.matrixLines == reference, "\(mode) \(length) chars, version \(version)-\(level.rawValue) mask \(mask)")
        }
    }
}

/// ISO/IEC 18004 Table 7: data codewords for versions 1-40 at L, M, Q, H.
enum QRReferenceTables {
    static let dataCodewords: [[Int]] = [
        [19, 34, 55, 80, 108, 136, 156, 194, 232, 274, 324, 370, 428, 461, 523, 589, 647, 721, 795, 861,
         932, 1006, 1094, 1174, 1276, 1370, 1468, 1531, 1631, 1735, 1843, 1955, 2071, 2191, 2306, 2434,
         2566, 2702, 2812, 2956],
        [16, 28, 44, 64, 86, 108, 124, 154, 182, 216, 254, 290, 334, 365, 415, 453, 507, 563, 627, 669,
         714, 782, 860, 914, 1000, 1062, 1128, 1193, 1267, 1373, 1455, 1541, 1631, 1725, 1812, 1914,
         1992, 2102, 2216, 2334],
        [13, 22, 34, 48, 62, 76, 88, 110, 132, 154, 180, 206, 244, 261, 295, 325, 367, 397, 445, 485,
         512, 568, 614, 664, 718, 754, 808, 871, 911, 985, 1033, 1115, 1171, 1231, 1286, 1354, 1426,
         1502, 1582, 1666],
        [9, 16, 26, 36, 46, 60, 66, 86, 100, 122, 140, 158, 180, 197, 223, 253, 283, 313, 341, 385,
         406, 442, 464, 514, 538, 596, 628, 661, 701, 745, 793, 845, 901, 961, 986, 1054, 1096, 1142,
         1222, 1276],
    ]
}
