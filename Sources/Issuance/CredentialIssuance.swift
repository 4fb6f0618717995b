import Crypto
import EUDCC
import Foundation
import ICAOVDSNC
import QRCode
import SMARTHealthCards
import Trust
import VaccinationRecord
import W3CVerifiableCredentials

/// One record issued in one credential format: the text that goes into the QR code, its recommended error
/// correction level, and any companion files.
struct CredentialIssuance {
    /// The formats `dvc issue` writes.
    enum Format: String, CaseIterable {
        case hc1, shc, vds, vc

        /// The file the QR text goes to with `--all`.
        var fileName: String {
            switch self {
            case .hc1: "hc1.txt"
            case .shc: "shc.txt"
            case .vds: "vds.json"
            case .vc: "vc.jwt"
            }
        }

        /// The level the format's guidance asks for: Q for the EU DCC, L for SMART Health Cards (the spec's
        /// examples), M for the others.
        var defaultErrorCorrection: QRCode.ErrorCorrection {
            switch self {
            case .hc1: .quartile
            case .shc: .low
            case .vds, .vc: .medium
            }
        }
    }

    let format: Format
    /// The QR payload text.
    let text: String
    /// Further files by name (`--all` writes them beside the QR text).
    let companions: [(name: String, bytes: [UInt8])]

    /// What the issuers need: the signing key and certificate, and the issuer URL of the JOSE formats.
    struct Signer {
        let key: P256.Signing.PrivateKey
        let certificate: DocumentSignerCertificate
        let issuerCountry: String?
        let issuerURL: String?
    }

    static func issue(
        _ record: VaccinationRecord, as format: Format, signer: Signer, issuedAt: Date, expiresAt: Date?
    ) throws -> CredentialIssuance {
        switch format {
        case .hc1:
            let issuer = try HC1Issuer(
                signingKey: signer.key, certificate: signer.certificate, issuerCountry: signer.issuerCountry)
            let issued = try issuer.issue(record, issuedAt: issuedAt, expiresAt: expiresAt)
            return CredentialIssuance(format: format, text: issued.text, companions: [])
        case .shc:
            let issuer = SHCIssuer(signingKey: signer.key, issuer: try issuerURL(signer, format))
            let issued = try issuer.issue(record, issuedAt: issuedAt, expiresAt: expiresAt)
            return CredentialIssuance(
                format: format, text: issued.qrTexts.joined(separator: "\n"),
                companions: [("shc.jws", Array(issued.jws.utf8)), ("health-card.smart-health-card", issued.fileData)])
        case .vds:
            let issuer = try VDSNCIssuer(signingKey: signer.key, certificate: signer.certificate)
            return CredentialIssuance(format: format, text: try issuer.issue(record, issuedAt: issuedAt), companions: [])
        case .vc:
            let issuer = VCIssuer(signingKey: signer.key, issuer: try issuerURL(signer, format))
            let text = try issuer.issue(record, issuedAt: issuedAt, expiresAt: expiresAt)
            return CredentialIssuance(format: format, text: text, companions: [])
        }
    }

    private static func issuerURL(_ signer: Signer, _ format: Format) throws -> String {
        guard let url = signer.issuerURL else {
            throw CommandError.usage(
                "expected --issuer-url (the https URL or did:web that publishes the keys) for --format \(format.rawValue), found none")
        }
        return url
    }
}
