import Foundation
import TestSupport

/// Decodes the QR PNGs of the test files with `zbarimg` (Debian `zbar-tools`), an independent decoder.
enum QRPictureDecoder {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "zbarimg not found: install Debian's zbar-tools (scripts/install-test-dependencies.sh)" }
    }

    /// Decoded text per file path; nil for a picture without a readable QR code. Files without a
    /// picture are absent.
    static func decodeAll(_ files: [DGCTestFile]) throws -> [String: String?] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var pathsByImage: [String: String] = [:]
        var results: [String: String?] = [:]
        for (index, file) in files.enumerated() {
            guard let base64 = file.pictureBase64 else { continue }
            results[file.path] = .some(nil)
            guard let png = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else { continue }
            let image = folder.appendingPathComponent("\(index).png")
            try png.write(to: image)
            pathsByImage[image.path] = file.path
        }
        let executable = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let executable else { throw Missing() }
        let images = pathsByImage.keys.sorted()
        var start = 0
        while start < images.count {
            let chunk = Array(images[start..<min(start + 100, images.count)])
            let options = ["--xml", "-q", "-Sdisable", "-Sqrcode.enable"]
            var (status, xml) = try run(executable, options + chunk)
            if status != 0 && status != 4 {
                // An unreadable picture ends zbarimg's run; decode this chunk one picture at a time.
                xml = try chunk.map { try run(executable, options + [$0]).1 }.joined()
            }
            for (image, text) in parse(xml) {
                if let path = pathsByImage[image] { results[path] = .some(text) }
            }
            start += 100
        }
        return results
    }

    /// Runs zbarimg; 0: symbols found, 4: none found; anything else (1: an unreadable image) stops it early.
    private static func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let output = try ExternalProgram.run(URL(fileURLWithPath: executable), arguments)
        return (output.status, output.standardOutput)
    }

    /// Reads `<source href='...'>...<data><![CDATA[...]]></data>` pairs from zbarimg's XML.
    private static func parse(_ xml: String) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for block in xml.components(separatedBy: "<source href=").dropFirst() {
            guard let quote = block.first, let end = block.dropFirst().firstIndex(of: quote) else { continue }
            let href = String(block[block.index(after: block.startIndex)..<end])
            guard let open = block.range(of: "<data><![CDATA["), let close = block.range(of: "]]></data>", range: open.upperBound..<block.endIndex)
            else { continue }
            pairs.append((href, String(block[open.upperBound..<close.lowerBound])))
        }
        return pairs
    }
}
