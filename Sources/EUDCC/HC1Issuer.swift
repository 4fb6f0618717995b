import CBOR
import COSE
import Crypto
import Foundation
import JSON
import Trust
import VaccinationRecord

/// Issues EU DCC / HCERT certificates (`HC1:` QR text) from canonical records.
///
/// Pipeline: record → DCC (schema 1.3.x) → CWT claims `{1: iss, 4: exp, 6: iat, -260: {1: DCC}}` →
/// COSE_Sign1 (ES256, kid in the protected header) → zlib → Base45 → `HC1:`.
public struct HC1Issuer: Sendable {
    /// The document signer's private key.
    public let signingKey: P256.Signing.PrivateKey
    /// The kid: the first 8 bytes of SHA-256 of the document signer certificate.
    public let keyID: [UInt8]
    /// The CWT `iss`: the issuing country (ISO 3166-1 alpha-2).
    public let issuerCountry: String
    /// Default validity when neither the call nor the record gives an end.
    public var defaultValidity: TimeInterval = 365 * 86_400

    /// Creates an issuer for a document signer key and its certificate.
    ///
    /// - Parameter issuerCountry: the CWT `iss`; defaults to the certificate subject's country.
    /// - Throws: ``EUDCCError`` `HC1_ISSUANCE` when the key does not belong to the certificate or no
    ///   issuing country is known.
    public init(signingKey: P256.Signing.PrivateKey, certificate: DocumentSignerCertificate, issuerCountry: String? = nil)
        throws
    {
        guard case .p256(let certificateKey) = certificate.publicKey,
            certificateKey.rawRepresentation == signingKey.publicKey.rawRepresentation
        else {
            throw EUDCCError(.issuance, "expected the signing key to belong to the document signer certificate, found another key")
        }
        guard let country = issuerCountry ?? certificate.subjectCountry, country.utf8.count == 2 else {
            throw EUDCCError(.issuance, "expected an issuing country (ISO 3166-1 alpha-2) from the certificate or the caller, found none")
        }
        self.signingKey = signingKey
        self.keyID = certificate.kid
        self.issuerCountry = country
    }

    /// Issues one certificate.
    ///
    /// - Parameters:
    ///   - record: the canonical record; when it has no `certificate.hcid`, a UVCI with a Luhn mod N check
    ///     character is generated.
    ///   - issuedAt: the CWT `iat` (default now).
    ///   - expiresAt: the CWT `exp`; default the record's `certificate.period.end`, else `issuedAt` + 365 days.
    ///   - schemaVersion: the DCC `ver`.
    public func issue(
        _ record: VaccinationRecord, issuedAt: Date = Date(), expiresAt: Date? = nil, schemaVersion: String = "1.3.0"
    ) throws -> IssuedHC1 {
        var record = record
        if record.certificate.hcid == nil {
            var generator = SystemRandomNumberGenerator()
            record.certificate.hcid = try UVCI.generate(country: issuerCountry, using: &generator)
        }
        let iat = Int64(issuedAt.timeIntervalSince1970.rounded(.down))
        let exp: Int64
        if let expiresAt {
            exp = Int64(expiresAt.timeIntervalSince1970.rounded(.down))
        } else if let end = record.certificate.period?.end {
            exp = end.utcSecondsSince1970
        } else {
            exp = iat + Int64(defaultValidity)
        }
        guard exp > iat else {
            throw EUDCCError(.issuance, "expected the expiry after the issuing time, found it at or before")
        }
        let payload = try DCCPayload(record: record, schemaVersion: schemaVersion)
        let dcc = payload.json
        let problems = DCCSchemaValidator.shared.violations(in: dcc)
        guard problems.isEmpty else {
            throw EUDCCError(.issuance, "expected the DCC to match schema \(schemaVersion): \(problems.prefix(3).joined(separator: "; "))")
        }
        let claims = try CWTClaims.encode(
            issuer: issuerCountry, issuedAt: iat, expirationTime: exp,
            additional: [
                .init(.integer(CWTClaims.Key.healthCertificate), .map([.init(.integer(1), DCCJSONConversion.cbor(from: dcc))]))
            ])
        let cose = try COSESign1.signES256(payload: claims, keyID: keyID, key: signingKey)
        let text = try HC1Transport.encode(cose: cose)
        record.applyCertificateMetadata(
            issuedAt: Date(timeIntervalSince1970: TimeInterval(iat)),
            expiresAt: Date(timeIntervalSince1970: TimeInterval(exp)),
            keyID: Data(keyID).base64EncodedString())
        return IssuedHC1(text: text, cose: cose, record: record)
    }
}

/// One issued EU DCC.
public struct IssuedHC1: Sendable {
    /// The QR text, `HC1:...`.
    public let text: String
    /// The signed COSE_Sign1 bytes.
    public let cose: [UInt8]
    /// The record as issued (with its HCID and certificate period filled in).
    public let record: VaccinationRecord
}
