import ArgumentParser
import EUDCC
import Foundation
import Issuance
import JSON
import Trust
import VaccinationRecord

/// `dvc issue`: signs a certificate from a canonical record (docs/RECORD.md) in one format, or in all of them.
struct IssueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue a signed certificate from a vaccination record (JSON, see docs/RECORD.md).",
        discussion: """
            Prints the QR payload text on standard output: HC1:... (hc1), shc:/... (shc), the VDS-NC JSON (vds) or \
            the VC-JOSE compact JWS (vc). One key serves every format: the DSC signs HC1 and, as barcode signer, \
            VDS-NC; its key, published as a JWKS at --issuer-url, signs SHC and VC (dvc keys generate writes that \
            jwks.json). --all DIR writes every format into DIR (hc1.txt, shc.txt, shc.jws, \
            health-card.smart-health-card, vds.json, vc.jwt) and, with --qr FORMAT, each QR code beside it.
            """
    )

    @Option(help: "Credential format: hc1, shc, vds or vc.")
    var format: IssuanceFormat = .hc1

    @Option(help: ArgumentHelp("Write every format into DIR instead of printing one.", valueName: "DIR"))
    var all: String?

    @Option(help: ArgumentHelp("The document signer's private key (PEM).", valueName: "KEY.pem"))
    var key: String

    @Option(help: ArgumentHelp("The document signer certificate (PEM or DER).", valueName: "DSC.pem"))
    var cert: String

    @Option(help: ArgumentHelp("The issuer of SHC and VC credentials: the https URL (or did:web) publishing the JWKS.", valueName: "URL"))
    var issuerURL: String?

    @Option(help: ArgumentHelp("Validity in days from now (default: the record's certificate.period.end, else 365).", valueName: "DAYS"))
    var expires: Int?

    @Option(help: "The CWT issuer country (default: the certificate subject's C).")
    var issuerCountry: String?

    @Option(
        name: .customLong("qr"), parsing: .upToNextOption,
        help: ArgumentHelp(
            "Also write the payload's QR code: FORMAT (svg, png or text) and FILE; with --all only FORMAT.",
            valueName: "FORMAT FILE"))
    var qr: [String] = []

    @Option(help: "QR error correction level: L, M, Q or H (default: Q for hc1, L for shc, M for vds and vc).")
    var qrEc: String?

    @Argument(help: ArgumentHelp("The record JSON file, or - for standard input.", valueName: "RECORD.json"))
    var record: String?

    /// `--qr FORMAT FILE` takes two values (one with --all); a further one (when RECORD.json follows) is the record.
    private func qrRequest() throws -> (format: QRRenderingOptions.Format, file: String?, record: String?)? {
        guard !qr.isEmpty else { return nil }
        let expected = all == nil ? 2 : 1
        guard qr.count == expected || (qr.count == expected + 1 && record == nil),
            let format = QRRenderingOptions.Format(rawValue: qr[0]), format != .matrix
        else {
            let form = all == nil ? "svg|png|text FILE" : "svg|png|text (with --all)"
            throw CommandError.usage("expected --qr \(form), found \(qr.count) values")
        }
        return (format, all == nil ? qr[1] : nil, qr.count > expected ? qr[expected] : nil)
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
        let signer = IssuanceSigner(key: signingKey, certificate: certificate, issuerCountry: issuerCountry, issuerURL: issuerURL)
        if issuerURL == nil, let needing = (all == nil ? [format] : IssuanceFormat.allCases).first(where: { $0 == .shc || $0 == .vc }) {
            throw CommandError.usage(
                "expected --issuer-url (the https URL or did:web that publishes the keys) for --format \(needing.rawValue), found none")
        }
        let expiresAt = expires.map { now.addingTimeInterval(TimeInterval($0) * 86_400) }
        guard let folder = all else {
            let issued = try CredentialIssuance.issue(parsed, as: format, signer: signer, issuedAt: now, expiresAt: expiresAt)
            if let qrRequest, let file = qrRequest.file {
                try writeQR(issued, as: qrRequest.format, to: file)
            }
            OutputWriter.write(issued.text + "\n")
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CommandError.io("expected to create the folder \(folder), found it impossible")
        }
        var written: [String] = []
        for format in IssuanceFormat.allCases {
            let issued = try CredentialIssuance.issue(parsed, as: format, signer: signer, issuedAt: now, expiresAt: expiresAt)
            try QRRenderingOptions.write(Array((issued.text + "\n").utf8), to: "\(folder)/\(format.fileName)")
            written.append(format.fileName)
            for companion in issued.companions {
                try QRRenderingOptions.write(companion.bytes, to: "\(folder)/\(companion.name)")
                written.append(companion.name)
            }
            if let qrRequest {
                let name = "\(format.rawValue)-qr.\(qrRequest.format == .text ? "txt" : qrRequest.format.rawValue)"
                try writeQR(issued, as: qrRequest.format, to: "\(folder)/\(name)")
                written.append(name)
            }
        }
        OutputWriter.write("Wrote \(written.map { "\(folder)/\($0)" }.joined(separator: ", "))\n")
    }

    /// Renders the issued text as a QR code at `--qr-ec` or the format's default level.
    private func writeQR(_ issued: CredentialIssuance, as imageFormat: QRRenderingOptions.Format, to path: String) throws {
        var options = try QRRenderingOptions.parse([])
        options.ec = qrEc ?? issued.format.defaultErrorCorrection.rawValue
        // A multi-chunk SMART Health Card would need one symbol per chunk; OpenDVC issues single-chunk cards only.
        let image = try options.render(issued.text, format: imageFormat)
        try QRRenderingOptions.write(image, to: path)
    }
}

extension IssuanceFormat: ExpressibleByArgument {}
