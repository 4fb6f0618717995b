import ArgumentParser
import Foundation
import QRCode
import QRRendering

/// `dvc qr`: renders text (a certificate payload) as a QR code.
struct QRCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qr",
        abstract: "Render a payload as a QR code (SVG, PNG, terminal text, or a 0/1 matrix).",
        discussion: """
            INPUT is a file or - (standard input, the default); one trailing newline is stripped. The smallest version
            that fits at the chosen error correction level is used; data that does not fit version 40 is an error
            (exit status 2). --format matrix prints one line per module row, 1 dark and 0 light, without quiet zone.
            """
    )

    @OptionGroup var rendering: QRRenderingOptions

    @Option(help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Argument(help: ArgumentHelp("The payload file, or - for standard input (default).", valueName: "INPUT"))
    var input: String?

    func run() async throws {
        let data = try InputSource.read(input)
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandError.io("expected UTF-8 text input, found other bytes")
        }
        let payload = String(InputSource.strippingOneTrailingNewline(text[...]))
        let bytes = try rendering.render(payload, format: rendering.format)
        try QRRenderingOptions.write(bytes, to: output)
    }
}

/// The QR options shared by `dvc qr` and `dvc issue --qr`.
struct QRRenderingOptions: ParsableArguments {
    /// The output forms.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case svg, png, text, matrix
    }

    @Option(help: "Error correction level: L, M, Q or H.")
    var ec: String = "M"

    @Option(help: "Output format: svg, png, text (terminal) or matrix.")
    var format: Format = .text

    @Option(help: "Pixels per module for SVG and PNG.")
    var moduleSize = 4

    func errorCorrection() throws -> QRCode.ErrorCorrection {
        guard let level = QRCode.ErrorCorrection(rawValue: ec.uppercased()) else {
            throw CommandError.usage("expected --ec L, M, Q or H, found \(ec)")
        }
        return level
    }

    /// Encodes `payload` and renders it.
    func render(_ payload: String, format: Format) throws -> [UInt8] {
        guard (1...64).contains(moduleSize) else {
            throw CommandError.usage("expected --module-size between 1 and 64, found \(moduleSize)")
        }
        let level = try errorCorrection()
        let code: QRCode
        do {
            code = try QRCode(encoding: payload, options: .init(errorCorrection: level))
        } catch {
            throw CommandError(code: error.code, message: error.message)
        }
        switch format {
        case .svg: return Array(QRRenderer.svg(code, moduleSize: moduleSize).utf8)
        case .png: return try QRRenderer.png(code, moduleSize: moduleSize)
        case .text: return Array(QRRenderer.terminal(code).utf8)
        case .matrix: return Array(QRRenderer.matrix(code).utf8)
        }
    }

    /// Writes to a file, or to standard output when `path` is nil or `-`.
    static func write(_ bytes: [UInt8], to path: String?) throws {
        guard let path, path != "-" else {
            OutputWriter.write(bytes)
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw CommandError.io("expected to write \(path), found it impossible")
        }
    }
}
