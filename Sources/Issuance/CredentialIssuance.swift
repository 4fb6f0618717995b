import EUDCC
import Foundation
import ICAOVDSNC
import SMARTHealthCards
import VaccinationRecord
import W3CVerifiableCredentials

/// One record issued in one credential format: the text that goes into the QR code, the identifier verifiers and
/// revocation lists know it by, and any companion files.
public struct CredentialIssuance: Sendable {
    public let format: IssuanceFormat
    /// The QR payload text (SMART Health Cards: one `shc:/` line per QR code).
    public let text: String
    /// The format's identifier of this certificate: the UVCI (HC1 and VC), the seal's `uvci` (VDS-NC), the
    /// revocation id `rid` (SMART Health Cards); nil for a W3C VC of a record without `certificate.hcid`.
    public let identifier: String?
    /// Further files by name (`dvc issue --all` writes them beside the QR text).
    public let companions: [Companion]

    /// A file that goes with an issued credential.
    public struct Companion: Sendable {
        public let name: String
        public let bytes: [UInt8]
    }

    /// Issues `record` in `format`.
    ///
    /// - Parameter identifiers: the identifiers to use; ones left nil are generated (the UVCI only when the record
    ///   has no `certificate.hcid`).
    /// - Throws: the format issuer's error, or ``IssuanceError`` `ISSUANCE_MISSING_SETTING`.
    public static func issue(
        _ record: VaccinationRecord, as format: IssuanceFormat, signer: IssuanceSigner,
        identifiers: CertificateIdentifiers = CertificateIdentifiers(), issuedAt: Date, expiresAt: Date?
    ) throws -> CredentialIssuance {
        var record = record
        switch format {
        case .hc1:
            if record.certificate.hcid == nil, let uvci = identifiers.uvci { record.certificate.hcid = uvci }
            let issuer = try HC1Issuer(signingKey: signer.key, certificate: signer.certificate, issuerCountry: signer.issuerCountry)
            let issued = try issuer.issue(record, issuedAt: issuedAt, expiresAt: expiresAt)
            return CredentialIssuance(
                format: format, text: issued.text, identifier: issued.record.certificate.hcid, companions: [])
        case .shc:
            var issuer = SHCIssuer(signingKey: signer.key, issuer: try issuerURL(signer, format))
            let revocationID = identifiers.revocationID ?? CertificateIdentifiers.makeRevocationID()
            issuer.revocationID = revocationID
            let issued = try issuer.issue(record, issuedAt: issuedAt, expiresAt: expiresAt)
            return CredentialIssuance(
                format: format, text: issued.qrTexts.joined(separator: "\n"), identifier: revocationID,
                companions: [
                    Companion(name: "shc.jws", bytes: Array(issued.jws.utf8)),
                    Companion(name: "health-card.smart-health-card", bytes: issued.fileData),
                ])
        case .vds:
            let sealID = try identifiers.sealID ?? VDSNCPayload.generateUVCI()
            record.certificate.hcid = sealID
            let issuer = try VDSNCIssuer(signingKey: signer.key, certificate: signer.certificate)
            let sealed = try issuer.seal(doses: [record], issuedAt: issuedAt)
            return CredentialIssuance(format: format, text: sealed.text, identifier: sealed.payload.uvci, companions: [])
        case .vc:
            if record.certificate.hcid == nil, let uvci = identifiers.uvci { record.certificate.hcid = uvci }
            let issuer = VCIssuer(signingKey: signer.key, issuer: try issuerURL(signer, format))
            let text = try issuer.issue(record, issuedAt: issuedAt, expiresAt: expiresAt)
            return CredentialIssuance(format: format, text: text, identifier: record.certificate.hcid, companions: [])
        }
    }

    private static func issuerURL(_ signer: IssuanceSigner, _ format: IssuanceFormat) throws -> String {
        guard let url = signer.issuerURL else {
            throw IssuanceError(
                .missingSetting,
                "expected an issuer URL (the https URL or did:web that publishes the keys) for format \(format.rawValue), found none")
        }
        return url
    }
}
