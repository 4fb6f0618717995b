import ArgumentParser
import EUDCC
import Foundation
import JSON
import Trust
import VaccinationRecord

/// `dvc issue`: signs a certificate from a canonical record (docs/RECORD.md).
struct IssueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue a signed certificate from a vaccination record (JSON, see docs/RECORD.md).",
        discussion: "Prints the payload text (for hc1: HC1:...) on standard output."
    )

    /// The credential formats `dvc issue` writes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case hc1
    }

    @Option(help: "Credential format.")
    var format: Format = .hc1

    @Option(help: ArgumentHelp("The document signer's private key (PEM).", valueName: "KEY.pem"))
    var key: String

    @Option(help: ArgumentHelp("The document signer certificate (PEM or DER).", valueName: "DSC.pem"))
    var cert: String

    @Option(help: ArgumentHelp("Validity in days from now (default: the record's certificate.period.end, else 365).", valueName: "DAYS"))
    var expires: Int?

    @Option(help: "The CWT issuer country (default: the certificate subject's C).")
    var issuerCountry: String?

    @Option(
        name: .customLong("qr"), parsing: .upToNextOption,
        help: ArgumentHelp("Also write the payload's QR code: FORMAT (svg, png or text) and FILE.", valueName: "FORMAT FILE"))
    var qr: [String] = []

    @Option(help: "QR error correction level: L, M, Q or H.")
    var qrEc: String = "Q"

    @Argument(help: ArgumentHelp("The record JSON file, or - for standard input.", valueName: "RECORD.json"))
    var record: String?

    /// `--qr FORMAT FILE` takes two values; a third one (when RECORD.json follows `--qr`) is the record.
    private func qrRequest() throws -> (format: QRRenderingOptions.Format, file: String, record: String?)? {
        guard !qr.isEmpty else { return nil }
        guard qr.count == 2 || (qr.count == 3 && record == nil),
            let format = QRRenderingOptions.Format(rawValue: qr[0]), format != .matrix
        else {
            throw CommandError.usage("expected --qr svg|png|text FILE, found \(qr.count) values")
        }
        return (format, qr[1], qr.count == 3 ? qr[2] : nil)
    }

    func run() async throws {
        if let expires, !(1...36_500).contains(expires) {
            throw CommandError.usage("expected --expires between 1 and 36500 days, found \(expires)")
        }
        let signingKey = try SigningKeyLoader.p256PrivateKey(contentsOfFile: key)
        let certificates = try TrustMaterialLoader.certificates(from: Array(InputSource.read(cert)))
        guard let certificate = certificates.first else {
            throw CommandError.io("expected a certificate in \(cert), found none")
        }
        let qrRequest = try self.qrRequest()
        guard let recordPath = record ?? qrRequest?.record else {
            throw CommandError.usage("expected a record file (RECORD.json or -), found none")
        }
        let json = try JSONParser.parse(Array(InputSource.read(recordPath)))
        let parsed = try VaccinationRecord(json: json)
        try parsed.validate()
        let now = Date()
        let issuer = try HC1Issuer(signingKey: signingKey, certificate: certificate, issuerCountry: issuerCountry)
        let issued = try issuer.issue(
            parsed, issuedAt: now, expiresAt: expires.map { now.addingTimeInterval(TimeInterval($0) * 86_400) })
        if let qrRequest {
            var options = try QRRenderingOptions.parse([])
            options.ec = qrEc
            let image = try options.render(issued.text, format: qrRequest.format)
            try QRRenderingOptions.write(image, to: qrRequest.file)
        }
        OutputWriter.write(issued.text + "\n")
        OutputWriter.flush()
    }
}
