import Foundation
import QRCode
import QRRendering
import TestSupport
import Testing

/// `dvc qr` and `dvc issue --qr` end to end: formats, input handling, the exit-code contract, and symbols that
/// an independent decoder (zbarimg, Debian zbar-tools) reads back.
@Suite("dvc qr and dvc issue --qr")
struct CLIQRTests {
    let dvc: CommandRunner
    let folder: URL

    init() throws {
        dvc = try CommandRunner(product: "dvc")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-cli-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The text zbarimg reads from a picture (status 0 and one symbol), or nil.
    func zbarimg(_ path: String) throws -> String? {
        let executable = try #require(
            ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first { FileManager.default.isExecutableFile(atPath: $0) },
            "zbarimg not found: install Debian's zbar-tools (scripts/install-test-dependencies.sh)")
        let output = try ExternalProgram.run(
            URL(fileURLWithPath: executable), ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", path])
        guard output.status == 0 else { return nil }
        return output.standardOutput.trimmingCharacters(in: .newlines)
    }

    @Test func matrixFormatPrintsTheSymbolRowsWithoutQuietZone() throws {
        let text = "HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N IOP-IA%NFQGRJPC%OQHIZC4.OI1RM8ZA.A5:S9MKN4NN3F85QNCY0O%0VZ001HOC9JU0D0HT0HB2PL/IB*09B9LW4T*8+DCMH0LDK2%K:XFE70*LP$V25$0Q:J:4MO1P0%0L0HD+9E/HY+4J6TH48S%4K.GJ2PT3QY:GQ3TE2I+-CPHN6D7LLK*Y0ZQCUYO8NQOBGBKEQ8R$8C*B7RO8WGPW3U1I4-9E3CDWB6V1S%R:A0TT6.V5:F8M31DWP6VHVSQK%FI.6P$2F27BUD5Y2$8FW1XVAPM:O3AJ4*RM:T$55/NOP.Q8LOH1QIBT/IW:BM6%6HTDMIP2:8F*ERCURBFS*L6J81QOE3NZ7NA*S+71BN7HD4WL6U5R0OO5AE.TERO4T-RW/9XTK:63$2C6CD7AO+L0QJ1F-KAEDY%PCRJR/BMDAM ORJ7MG*B2KTIVVF88G0LJK50 RUALB8G6G-6D5H$MDC-7/$D$:T %EC4L:54*R33X4 G3HHR/WTS-6:P7%3N"
        let expected = QRRenderer.matrix(try QRCode(encoding: text))
        let fromFile = folder.appendingPathComponent("payload.txt")
        try (text + "\n").write(to: fromFile, atomically: true, encoding: .utf8)
        let result = try dvc.run(["qr", "--format", "matrix", fromFile.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == expected)
        let rows = result.standardOutput.split(separator: "\n")
        #expect(rows.allSatisfy { $0.count == rows.count && $0.allSatisfy { $0 == "0" || $0 == "1" } })
        // Standard input, with and without the one trailing newline that is stripped; a second one is data.
        #expect(try dvc.run(["qr", "--format", "matrix"], input: Data(text.utf8)).standardOutput == expected)
        #expect(try dvc.run(["qr", "--format", "matrix", "-"], input: Data((text + "\n").utf8)).standardOutput == expected)
        #expect(try dvc.run(["qr", "--format", "matrix"], input: Data((text + "\n\n").utf8)).standardOutput != expected)
        // The level changes the symbol.
        let high = try dvc.run(["qr", "--format", "matrix", "--ec", "h", fromFile.path])
        #expect(high.standardOutput == QRRenderer.matrix(try QRCode(encoding: text, options: .init(errorCorrection: .high))))
        #expect(high.standardOutput != expected)
    }

    @Test func pngAndSVGFilesAndTerminalText() throws {
        let text = "shc:/5676290952432060346029243740446031222959532654603460292540772804336028702864716745222809286133314564376531415906402203064504590856435503414245413640370636654171372412363803043756220467374075323239254334433260573601064529380545"
        let png = folder.appendingPathComponent("code.png").path
        let written = try dvc.run(["qr", "--format", "png", "--ec", "L", "--module-size", "3", "--output", png], input: Data(text.utf8))
        #expect(written.status == 0, "\(written.standardError)")
        #expect(written.standardOutput.isEmpty)
        #expect(try zbarimg(png) == text)

        let svg = try dvc.run(["qr", "--format", "svg"], input: Data(text.utf8))
        #expect(svg.status == 0)
        #expect(svg.standardOutput.hasPrefix("<svg "))
        #expect(svg.standardOutput.components(separatedBy: "<path").count == 2)

        // The default is terminal text: half blocks, one line per two module rows including the quiet zone.
        let terminal = try dvc.run(["qr"], input: Data(text.utf8))
        let code = try QRCode(encoding: text)
        let lines = terminal.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == (code.size + 8 + 1) / 2)
        #expect(lines.allSatisfy { $0.count == code.size + 8 })
        #expect(terminal.standardOutput.contains("\u{2580}") || terminal.standardOutput.contains("\u{2584}"))
    }

    @Test func dataBeyondVersion40AndBadOptionsExitWithTwo() throws {
        let digits = String(repeating: "0123456789", count: 709)  // 7,090 digits: one more than version 40-L holds
        let tooLong = try dvc.run(["qr", "--ec", "L"], input: Data(digits.utf8))
        #expect(tooLong.status == 2)
        #expect(tooLong.standardError.contains("QR_DATA_TOO_LONG"))
        #expect(!tooLong.standardError.contains("0123456789"))
        // One digit less fits.
        #expect(try dvc.run(["qr", "--ec", "L", "--format", "matrix"], input: Data(digits.dropLast().utf8)).status == 0)
        #expect(try dvc.run(["qr", "--ec", "X"], input: Data("A".utf8)).status == 2)
        #expect(try dvc.run(["qr", "--format", "gif"], input: Data("A".utf8)).status == 2)
        #expect(try dvc.run(["qr", "--module-size", "0"], input: Data("A".utf8)).status == 2)
        #expect(try dvc.run(["qr", "/no/such/file"]).status == 2)
    }

    @Test func issueWritesTheCertificatesQRCode() throws {
        let keys = folder.appendingPathComponent("keys").path
        #expect(try dvc.run(["keys", "generate", "--out", keys, "--country", "DE"]).status == 0)
        let record = TestData.repositoryRoot.appendingPathComponent("examples/vaccination-record.json").path
        let png = folder.appendingPathComponent("certificate.png").path
        let issued = try dvc.run(
            ["issue", "--key", "\(keys)/dsc.key.pem", "--cert", "\(keys)/dsc.pem", "--qr", "png", png, record])
        #expect(issued.status == 0, "\(issued.standardError)")
        let payload = issued.standardOutput.trimmingCharacters(in: .newlines)
        #expect(payload.hasPrefix("HC1:"))
        #expect(try zbarimg(png) == payload)

        // The record may come before --qr too; text and SVG forms.
        let text = folder.appendingPathComponent("certificate.txt").path
        let second = try dvc.run(
            ["issue", "--key", "\(keys)/dsc.key.pem", "--cert", "\(keys)/dsc.pem", record, "--qr", "text", text])
        #expect(second.status == 0, "\(second.standardError)")
        #expect(try String(contentsOfFile: text, encoding: .utf8).contains("\u{2588}"))
        // A matrix is not a certificate picture; a missing file name is a usage error.
        let matrix = try dvc.run(
            ["issue", "--key", "\(keys)/dsc.key.pem", "--cert", "\(keys)/dsc.pem", "--qr", "matrix", text, record])
        #expect(matrix.status == 2)
        let missing = try dvc.run(["issue", "--key", "\(keys)/dsc.key.pem", "--cert", "\(keys)/dsc.pem", "--qr", "png"], input: Data())
        #expect(missing.status == 2)
    }
}
