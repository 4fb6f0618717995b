import Foundation
import QRCode
import QRRendering
import TestSupport
import Testing

/// The SMART Health Cards spec examples (shared test data `shc/examples/`): each `-f-qr-code-numeric-value-K.txt`
/// encodes at level L (the SHC spec's level, see the data's README) to a symbol of the same version as the
/// published `-g-qr-code-K.svg`, with the same segments (byte `shc:/`, then numeric), which decoders read back.
@Suite("SMART Health Cards spec examples")
struct SHCExampleTests {
    struct Example: CustomStringConvertible, Sendable {
        let name: String
        let text: String
        let published: [[Bool]]
        var description: String { name }
    }

    static func examples() throws -> [Example] {
        let texts = try TestData.files(under: "shc/examples", withExtension: "txt")
            .filter { $0.lastPathComponent.contains("-f-qr-code-numeric-value-") }
        return try texts.map { url in
            let svgName = url.lastPathComponent.replacingOccurrences(of: "-f-qr-code-numeric-value-", with: "-g-qr-code-")
                .replacingOccurrences(of: ".txt", with: ".svg")
            let svg = try String(contentsOf: url.deletingLastPathComponent().appendingPathComponent(svgName), encoding: .utf8)
            let text = try String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            return Example(name: url.lastPathComponent, text: text, published: try PublishedSVG.modules(svg))
        }
    }

    @Test func thereAreSixPublishedSymbols() throws {
        #expect(try Self.examples().count == 6)
    }

    @Test func eachExampleEncodesToThePublishedVersionAndDecodes() throws {
        let examples = try Self.examples()
        try #require(!examples.isEmpty)
        let folder = try ExternalTool.temporaryFolder("dvc-qr-shc")
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for example in examples {
            let code = try QRCode(encoding: example.text, options: .init(errorCorrection: .low))
            let publishedVersion = (example.published.count - 17) / 4
            #expect(code.version == publishedVersion, "\(example)")
            #expect(code.errorCorrection == .low)
            let prefix = example.text.hasPrefix("shc:/1/") || example.text.hasPrefix("shc:/2/") || example.text.hasPrefix("shc:/3/") ? 9 : 5
            #expect(code.segments == [
                QRCode.Segment(mode: .byte, range: 0..<prefix),
                QRCode.Segment(mode: .numeric, range: prefix..<example.text.utf8.count),
            ], "\(example)")
            let path = folder.appendingPathComponent("\(example.name).png").path
            try Data(QRRenderer.png(code)).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let answer = try #require(try PythonInterop.call("decode", ["paths": paths]) as? [[String: Any]])
        for (example, result) in zip(examples, answer) {
            #expect(result["text"] as? String == example.text, "zxing-cpp: \(example)")
        }
        let zbarimg = try ExternalTool.locate("zbarimg", hint: ExternalTool.zbarimgHint)
        let xml = try ExternalTool.run(zbarimg, ["--xml", "-q", "-Sdisable", "-Sqrcode.enable"] + paths).text
        let decoded = Dictionary(ZbarXML.parse(xml), uniquingKeysWith: { first, _ in first })
        for (example, path) in zip(examples, paths) {
            #expect(decoded[path].map { String(decoding: $0, as: UTF8.self) } == example.text, "zbarimg: \(example)")
        }
    }

    /// With the published symbol's mask forced, the symbol is identical module for module: the spec's generator
    /// (a third encoder) and this one agree on segments, codewords, interleaving and placement.
    @Test func withThePublishedMaskTheSymbolIsIdentical() throws {
        for example in try Self.examples() {
            let mask = QRReferenceEncoderTests.maskInFormatInformation(
                example.published.map { String($0.map { $0 ? "1" : "0" }) })
            let code = try QRCode(encoding: example.text, options: .init(errorCorrection: .low, forcedMask: mask))
            #expect(code.modules == example.published, "\(example)")
        }
    }
}

/// Reads the modules of a published SHC SVG: a white background path and one stroked path of horizontal runs
/// (`M x y.5` absolute moves, `m dx dy` relative moves, `h n` runs), with a quiet zone around the symbol.
enum PublishedSVG {
    struct Malformed: Error {}

    static func modules(_ svg: String) throws -> [[Bool]] {
        guard let strokeRange = svg.range(of: "stroke=\"#000000\" d=\""),
            let end = svg.range(of: "\"", range: strokeRange.upperBound..<svg.endIndex)
        else { throw Malformed() }
        let path = svg[strokeRange.upperBound..<end.lowerBound]
        var runs: [(x: Int, y: Int, length: Int)] = []
        var x = 0.0
        var y = 0.0
        var scanner = Substring(path)
        func number() throws -> Double {
            let digits = scanner.prefix { $0.isNumber || $0 == "." || $0 == "-" }
            scanner = scanner.dropFirst(digits.count).drop { $0 == " " || $0 == "," }
            guard let value = Double(digits) else { throw Malformed() }
            return value
        }
        while let command = scanner.first {
            scanner = scanner.dropFirst()
            switch command {
            case "M":
                x = try number()
                y = try number()
            case "m":
                x += try number()
                y += try number()
            case "h":
                let length = try number()
                runs.append((Int(x), Int(y - 0.5), Int(length)))
                x += length
            case " ":
                continue
            default:
                throw Malformed()
            }
        }
        let left = runs.map(\.x).min() ?? 0
        let top = runs.map(\.y).min() ?? 0
        let right = runs.map { $0.x + $0.length }.max() ?? 0
        let size = right - left
        guard size >= 21, (size - 17) % 4 == 0 else { throw Malformed() }
        var modules = [[Bool]](repeating: [Bool](repeating: false, count: size), count: size)
        for run in runs {
            for column in run.x..<(run.x + run.length) { modules[run.y - top][column - left] = true }
        }
        return modules
    }
}
