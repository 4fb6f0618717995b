import Foundation
import QRCode
import QRRendering
import TestSupport
import Testing

/// A few hundred seeded payloads (numeric, alphanumeric, ASCII, mixed, UTF-8 text, `shc:/`, `HC1:` and binary
/// bytes, at all four levels, up to the version 40 capacity) rendered to PNG and read back by two independent
/// decoders: zbarimg (Debian zbar-tools) and zxing-cpp (Python). Every decoded payload must equal the input.
@Suite("Round trip through zbarimg and zxing-cpp")
struct QRDecoderRoundTripTests {
    static let payloadCount = 256

    struct Rendered {
        let folder: URL
        let payloads: [Payload]
        let codes: [QRCode]
        let paths: [String]
    }

    /// Renders the payloads to PNG files (every fourth one 8-bit, the others 1-bit; 4 pixels per module).
    static func render(seed: UInt64) throws -> Rendered {
        let folder = try ExternalTool.temporaryFolder("dvc-qr-roundtrip")
        let payloads = Payloads.spread(count: payloadCount, seed: seed)
        var codes: [QRCode] = []
        var paths: [String] = []
        for (index, payload) in payloads.enumerated() {
            let code = try QRCode(encoding: payload.bytes, options: .init(errorCorrection: payload.level))
            let png = try QRRenderer.png(code, moduleSize: 4, bitDepth: index % 4 == 3 ? .eight : .one)
            let path = folder.appendingPathComponent(String(format: "%03d.png", index)).path
            try Data(png).write(to: URL(fileURLWithPath: path))
            codes.append(code)
            paths.append(path)
        }
        return Rendered(folder: folder, payloads: payloads, codes: codes, paths: paths)
    }

    @Test func zbarimgReadsEveryPayload() throws {
        let zbarimg = try ExternalTool.locate("zbarimg", hint: ExternalTool.zbarimgHint)
        let rendered = try Self.render(seed: 0x2BA2)
        defer { try? FileManager.default.removeItem(at: rendered.folder) }
        var decoded: [String: [UInt8]] = [:]
        // ASCII payloads in batches through --xml (zbar writes non-ASCII data there in a base64 form it mangles);
        // the others one by one with --raw -Sbinary, which writes the bytes as they are.
        let asciiIndices = rendered.payloads.indices.filter { rendered.payloads[$0].bytes.allSatisfy { $0 < 0x80 } }
        let options = ["--xml", "-q", "-Sdisable", "-Sqrcode.enable"]
        for start in stride(from: 0, to: asciiIndices.count, by: 64) {
            let batch = asciiIndices[start..<min(start + 64, asciiIndices.count)].map { rendered.paths[$0] }
            var output = try ExternalTool.run(zbarimg, options + batch)
            var xml = output.text
            if output.status != 0 {
                // zbarimg stops at the first picture it cannot read (status 1) or reports one without a symbol
                // (status 4): decode this batch one picture at a time.
                xml = ""
                for path in batch {
                    output = try ExternalTool.run(zbarimg, options + [path])
                    xml += output.text
                }
            }
            for (path, bytes) in ZbarXML.parse(xml) { decoded[path] = bytes }
        }
        for index in rendered.payloads.indices where !asciiIndices.contains(index) {
            let path = rendered.paths[index]
            let output = try ExternalTool.run(zbarimg, ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", "-Sbinary", path])
            if output.status == 0 { decoded[path] = Array(output.standardOutput) }
        }
        var read = 0
        for (index, payload) in rendered.payloads.enumerated() {
            let code = rendered.codes[index]
            guard let bytes = decoded[rendered.paths[index]] else {
                Issue.record("zbarimg read nothing from \(payload), version \(code.version)")
                continue
            }
            #expect(bytes == payload.bytes, "zbarimg: \(payload), version \(code.version)")
            read += 1
        }
        #expect(read == Self.payloadCount)
    }

    @Test func zxingCppReadsEveryPayload() throws {
        let rendered = try Self.render(seed: 0x2C99)
        defer { try? FileManager.default.removeItem(at: rendered.folder) }
        let answer = try #require(try PythonInterop.call("decode", ["paths": rendered.paths]) as? [[String: Any]])
        try #require(answer.count == rendered.payloads.count)
        var versions = Set<Int>()
        for (index, payload) in rendered.payloads.enumerated() {
            let code = rendered.codes[index]
            let result = answer[index]
            guard result["ok"] as? Bool == true else {
                Issue.record("zxing-cpp: \(payload), version \(code.version): \(result["error"] ?? "?")")
                continue
            }
            #expect(result["bytes_hex"] as? String == Hex.encode(payload.bytes), "zxing-cpp bytes: \(payload)")
            if payload.isText {
                #expect(result["text"] as? String == payload.text, "zxing-cpp text: \(payload)")
            }
            #expect(result["ec_level"] as? String == code.errorCorrection.rawValue)
            #expect(result["version"] as? String == String(code.version))
            versions.insert(code.version)
        }
        // Small, medium and the largest symbols are all covered.
        #expect(versions.contains { $0 <= 3 } && versions.contains { $0 >= 35 } && versions.count >= 25)
    }

    /// Terminal text, drawn the way a terminal shows it (default: light glyphs on a dark background; inverted:
    /// dark glyphs on a light background), decodes with inverted-image detection off, so the polarity is right.
    @Test func terminalTextDecodesInBothPolarities() throws {
        let texts = ["HELLO WORLD", "shc:/" + String(repeating: "56762909524320603460", count: 20), "grüße, OpenDVC"]
        var renderings: [String] = []
        var lightGlyphs: [Bool] = []
        for text in texts {
            let code = try QRCode(encoding: text, options: .init(errorCorrection: .low))
            renderings += [QRRenderer.terminal(code), QRRenderer.terminal(code, inverted: true)]
            lightGlyphs += [true, false]
        }
        let answer = try #require(
            try PythonInterop.call("decode-terminal", ["texts": renderings, "light_glyphs": lightGlyphs]) as? [Any])
        try #require(answer.count == renderings.count)
        for (index, decoded) in answer.enumerated() {
            #expect(decoded as? String == texts[index / 2], "rendering \(index)")
        }
        // The wrong polarity does not decode: the default output is not simply drawn dark on light.
        let code = try QRCode(encoding: texts[0])
        let wrong = try #require(
            try PythonInterop.call("decode-terminal", ["texts": [QRRenderer.terminal(code)], "light_glyphs": [false]]) as? [Any])
        #expect(wrong.first is NSNull)
    }
}

/// Reads zbarimg's `--xml` output: `<source href='PATH'>...<data ...><![CDATA[TEXT]]></data>`.
enum ZbarXML {
    static func parse(_ xml: String) -> [(String, [UInt8])] {
        var pairs: [(String, [UInt8])] = []
        for block in xml.components(separatedBy: "<source href=").dropFirst() {
            guard let quote = block.first, let end = block.dropFirst().firstIndex(of: quote) else { continue }
            let path = String(block[block.index(after: block.startIndex)..<end])
            guard let open = block.range(of: "<![CDATA["),
                let close = block.range(of: "]]></data>", range: open.upperBound..<block.endIndex)
            else { continue }
            let header = block[..<open.lowerBound]
            let text = String(block[open.upperBound..<close.lowerBound])
            if header.contains("format='base64'") {
                let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? Data()
                pairs.append((path, Array(data)))
                continue
            }
            pairs.append((path, Array(text.utf8)))
        }
        return pairs
    }
}
