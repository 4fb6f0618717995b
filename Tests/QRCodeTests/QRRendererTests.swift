import Deflate
import Foundation
import QRCode
import QRRendering
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Renderers: SVG, PNG, terminal text and matrix text")
struct QRRendererTests {
    static let codes: [QRCode] = {
        let texts: [(String, QRCode.ErrorCorrection)] = [
            ("HELLO WORLD", .medium), ("shc:/" + String(repeating: "5676290952", count: 40), .low),
            (String(repeating: "HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH-R6IOOK", count: 12), .quartile),
        ]
        return texts.compactMap { try? QRCode(encoding: $0.0, options: .init(errorCorrection: $0.1)) }
    }()

    // MARK: SVG

    /// Collects the root attributes and every element name of an SVG document.
    final class SVGReader: NSObject, XMLParserDelegate {
        var rootAttributes: [String: String] = [:]
        var elements: [String] = []
        var paths: [[String: String]] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if elements.isEmpty { rootAttributes = attributes }
            elements.append(name)
            if name == "path" { paths.append(attributes) }
        }
    }

    /// Modules drawn by the path's `M x y h n v1 h-n z` rectangles, on a `side`² grid.
    static func modules(fromPath data: String, side: Int) throws -> [[Bool]] {
        var grid = [[Bool]](repeating: [Bool](repeating: false, count: side), count: side)
        for rectangle in data.split(separator: "z") {
            let parts = rectangle.dropFirst().split(whereSeparator: { $0 == " " || $0 == "h" || $0 == "v" })
            let numbers = parts.compactMap { Int($0) }
            try #require(rectangle.first == "M" && numbers.count == 5 && numbers[3] == 1 && numbers[4] == -numbers[2])
            for x in numbers[0]..<(numbers[0] + numbers[2]) { grid[numbers[1]][x] = true }
        }
        return grid
    }

    /// The expected light/dark grid with a quiet zone of `quiet` modules.
    static func padded(_ code: QRCode, quiet: Int) -> [[Bool]] {
        let side = code.size + 2 * quiet
        return (0..<side).map { y in (0..<side).map { x in code[x: x - quiet, y: y - quiet] } }
    }

    @Test(arguments: [(4, 4), (1, 0), (10, 2)])
    func svgIsOneCrispPathWithAModuleViewBox(moduleSize: Int, quietZone: Int) throws {
        for code in Self.codes {
            let svg = QRRenderer.svg(code, moduleSize: moduleSize, quietZone: quietZone)
            let reader = SVGReader()
            let parser = XMLParser(data: Data(svg.utf8))
            parser.delegate = reader
            #expect(parser.parse(), "the SVG is well-formed XML")
            let side = code.size + 2 * quietZone
            #expect(reader.elements.first == "svg")
            #expect(reader.rootAttributes["viewBox"] == "0 0 \(side) \(side)")
            #expect(reader.rootAttributes["width"] == "\(side * moduleSize)")
            #expect(reader.rootAttributes["height"] == "\(side * moduleSize)")
            #expect(reader.rootAttributes["shape-rendering"] == "crispEdges")
            #expect(reader.rootAttributes["xmlns"] == "http://www.w3.org/2000/svg")
            #expect(reader.paths.count == 1)
            #expect(reader.elements.filter { $0 == "path" }.count == 1)
            let data = try #require(reader.paths.first?["d"])
            #expect(try Self.modules(fromPath: data, side: side) == Self.padded(code, quiet: quietZone))
        }
    }

    @Test func svgClampsOutOfRangeSizes() throws {
        let code = try #require(Self.codes.first)
        #expect(QRRenderer.svg(code, moduleSize: 0, quietZone: -3) == QRRenderer.svg(code, moduleSize: 1, quietZone: 0))
        #expect(QRRenderer.svg(code, quietZone: 10_000) == QRRenderer.svg(code, quietZone: QRRenderer.maximumQuietZone))
    }

    // MARK: PNG

    /// CRC-32 of ISO 3309, bit by bit (independent of the renderer's table-driven one).
    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func bigEndian(_ bytes: [UInt8], _ offset: Int) -> Int {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
    }

    struct DecodedPNG {
        var width = 0
        var height = 0
        var bitDepth = 0
        var chunkTypes: [String] = []
        /// Grey values 0 (black) ... 255 (white), row-major.
        var pixels: [UInt8] = []
    }

    /// Splits a PNG into chunks (checking every CRC), inflates IDAT with Deflate's Inflater and undoes the
    /// scanline filters (all five types).
    static func decode(_ png: [UInt8]) throws -> DecodedPNG {
        try #require(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var result = DecodedPNG()
        var offset = 8
        var idat: [UInt8] = []
        while offset < png.count {
            let length = bigEndian(png, offset)
            let type = String(decoding: png[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let body = Array(png[(offset + 8)..<(offset + 8 + length)])
            #expect(UInt32(bigEndian(png, offset + 8 + length)) == crc32(png[(offset + 4)..<(offset + 8 + length)]), "CRC of \(type)")
            result.chunkTypes.append(type)
            if type == "IHDR" {
                result.width = bigEndian(body, 0)
                result.height = bigEndian(body, 4)
                result.bitDepth = Int(body[8])
                #expect(Array(body[9...]) == [0, 0, 0, 0], "greyscale, deflate, no filter method, no interlace")
            } else if type == "IDAT" {
                idat += body
            }
            offset += 12 + length
        }
        #expect(offset == png.count)
        let rowBytes = (result.width * result.bitDepth + 7) / 8
        let raw = try Inflater(format: .zlib).inflate(idat, maxOutputSize: (rowBytes + 1) * result.height)
        try #require(raw.count == (rowBytes + 1) * result.height)
        let bytesPerPixel = max(1, result.bitDepth / 8)
        var previous = [UInt8](repeating: 0, count: rowBytes)
        for y in 0..<result.height {
            let filter = raw[y * (rowBytes + 1)]
            var line = Array(raw[(y * (rowBytes + 1) + 1)..<((y + 1) * (rowBytes + 1))])
            for i in 0..<rowBytes {
                let left = i >= bytesPerPixel ? Int(line[i - bytesPerPixel]) : 0
                let up = Int(previous[i])
                let upLeft = i >= bytesPerPixel ? Int(previous[i - bytesPerPixel]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = left
                case 2: predictor = up
                case 3: predictor = (left + up) / 2
                default:
                    let p = left + up - upLeft
                    let (a, b, c) = (abs(p - left), abs(p - up), abs(p - upLeft))
                    predictor = a <= b && a <= c ? left : b <= c ? up : upLeft
                }
                try #require(filter <= 4)
                line[i] = UInt8(truncatingIfNeeded: Int(line[i]) + predictor)
            }
            previous = line
            for x in 0..<result.width {
                if result.bitDepth == 8 {
                    result.pixels.append(line[x])
                } else {
                    result.pixels.append(line[x / 8] >> (7 - UInt8(x % 8)) & 1 == 1 ? 255 : 0)
                }
            }
            if result.bitDepth == 1 && result.width % 8 != 0 {
                #expect(line[rowBytes - 1] & (0xFF >> UInt8(result.width % 8)) == 0, "padding bits are zero")
            }
        }
        return result
    }

    @Test(arguments: [(4, 4, PNGBitDepth.one), (1, 0, .one), (3, 4, .eight), (7, 2, .one), (5, 1, .eight)])
    func pngChunksVerifyAndTheRasterIsTheSymbol(moduleSize: Int, quietZone: Int, bitDepth: PNGBitDepth) throws {
        for code in Self.codes {
            let png = try QRRenderer.png(code, moduleSize: moduleSize, quietZone: quietZone, bitDepth: bitDepth)
            let decoded = try Self.decode(png)
            let side = (code.size + 2 * quietZone) * moduleSize
            #expect(decoded.chunkTypes == ["IHDR", "IDAT", "IEND"])
            #expect(decoded.width == side && decoded.height == side)
            #expect(decoded.bitDepth == bitDepth.rawValue)
            var expected: [UInt8] = []
            for y in 0..<side {
                for x in 0..<side {
                    expected.append(code[x: x / moduleSize - quietZone, y: y / moduleSize - quietZone] ? 0 : 255)
                }
            }
            #expect(decoded.pixels == expected)
        }
    }

    @Test func pngRejectsInvalidSizes() throws {
        let code = try #require(Self.codes.first)
        for (moduleSize, quietZone) in [(0, 4), (-1, 4), (4, -1), (1000, 4), (4, 5000)] {
            #expect(throws: QRRenderingError(.invalidOption, "")) {
                try QRRenderer.png(code, moduleSize: moduleSize, quietZone: quietZone)
            }
        }
        // The largest module size whose image fits maximumPNGSide is accepted (IHDR width checked), one more is not.
        let fitting = QRRenderer.maximumPNGSide / (code.size + 8)
        let png = try QRRenderer.png(code, moduleSize: fitting)
        #expect(Self.bigEndian(png, 16) == fitting * (code.size + 8))
        #expect(throws: QRRenderingError(.invalidOption, "")) { try QRRenderer.png(code, moduleSize: fitting + 1) }
    }

    // MARK: Terminal

    /// Reads the half-block text back into painted halves.
    static func halves(_ text: String) -> [[Bool]] {
        var rows: [[Bool]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            var top: [Bool] = []
            var bottom: [Bool] = []
            for character in line {
                top.append(character == "█" || character == "▀")
                bottom.append(character == "█" || character == "▄")
            }
            rows += [top, bottom]
        }
        return rows
    }

    @Test(arguments: [4, 0, 1])
    func terminalHasTwoModuleRowsPerLineInBothPolarities(quietZone: Int) throws {
        for code in Self.codes {
            let side = code.size + 2 * quietZone
            for inverted in [false, true] {
                let text = QRRenderer.terminal(code, quietZone: quietZone, inverted: inverted)
                #expect(text.hasSuffix("\n"))
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                #expect(lines.count == (side + 1) / 2)
                #expect(lines.allSatisfy { $0.count == side })
                #expect(lines.allSatisfy { $0.allSatisfy { " ▀▄█".contains($0) } })
                let painted = Self.halves(text)
                let expected = Self.padded(code, quiet: quietZone)
                for y in 0..<side {
                    // Default: glyphs paint light modules (light-on-dark terminals); inverted: dark modules.
                    #expect(painted[y] == expected[y].map { $0 == inverted }, "row \(y)")
                }
                if side % 2 == 1 {
                    #expect(painted[side].allSatisfy { !$0 }, "the half below the last row is left as background")
                }
            }
        }
    }

    // MARK: Matrix

    @Test func matrixEqualsTheSubscriptWithoutQuietZone() throws {
        for code in Self.codes {
            let text = QRRenderer.matrix(code)
            #expect(text.hasSuffix("\n"))
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            #expect(lines == code.matrixLines)
            #expect(lines.count == code.size)
        }
    }
}
