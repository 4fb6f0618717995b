import CodedErrors
import Crypto
import Deflate
import Foundation
import JOSE
import JSON
import VaccinationRecord

/// Issues SMART Health Cards (`shc:/` QR text, compact JWS, `.smart-health-card` file) from canonical records.
///
/// Pipeline: record → FHIR Bundle (Patient + one Immunization, data-minimisation profiles) → JWT claims
/// `{iss, nbf, exp?, vc: {type: [#health-card], credentialSubject: {fhirVersion, fhirBundle}}}` → minified JSON
/// → raw DEFLATE → JWS `{"zip":"DEF","alg":"ES256","kid":<RFC 7638 thumbprint>}` signed ES256 (raw r‖s) →
/// numeric QR text.
///
/// A card longer than ``SHCNumericQR/maximumSingleJWSLength`` (1195 characters, one version-22 QR) is refused
/// with `SHC_TOO_LARGE_FOR_QR`: chunking is deprecated.
public struct SHCIssuer: Sendable {
    /// The issuer's signing key.
    public let signingKey: P256.Signing.PrivateKey
    /// `iss`: the issuer's base URL (https, no trailing slash); its keys are at `iss/.well-known/jwks.json`.
    public let issuer: String
    /// The `kid`: RFC 7638 thumbprint of the public key.
    public let keyID: String
    /// Translates the record's vaccine codes to CVX.
    public var codeTranslator: SHCCodeTranslator = .standard
    /// The optional `vc.rid` to write (revocation identifier), at most 24 base64url characters.
    public var revocationID: String?

    /// Creates an issuer for a key and an issuer URL.
    public init(signingKey: P256.Signing.PrivateKey, issuer: String) {
        self.signingKey = signingKey
        self.issuer = issuer
        self.keyID = JWK.thumbprint(of: signingKey.publicKey)
    }

    /// Issues one card.
    ///
    /// - Parameters:
    ///   - record: a vaccination record; its vaccine (or brand) must map to CVX.
    ///   - issuedAt: `nbf`, written in whole seconds.
    ///   - expiresAt: `exp` (optional; most cards do not expire).
    /// - Throws: ``SHCError``: `SHC_ISSUANCE` (not a vaccination, bad issuer URL or rid, expiry not after
    ///   issuance), `SHC_UNMAPPED_CODE` (no CVX code), `SHC_TOO_LARGE_FOR_QR` (JWS over 1195 characters).
    public func issue(_ record: VaccinationRecord, issuedAt: Date, expiresAt: Date?) throws -> SHCIssued {
        guard case .vaccination(let vaccination) = record.event else {
            throw SHCError(.issuance, "expected a vaccination record, found a \(record.event.memberName) record")
        }
        let nbf = issuedAt.timeIntervalSince1970.rounded(.down)
        let exp = expiresAt.map { $0.timeIntervalSince1970.rounded(.down) }
        if let exp, exp <= nbf {
            throw SHCError(.issuance, "expected exp after nbf, found it at or before")
        }
        if let revocationID, !SHCRevocationList.isValidRID(revocationID) {
            throw SHCError(.issuance, "expected rid to be 1 to 24 base64url characters, found another value")
        }
        guard let cvx = codeTranslator.cvx(for: vaccination) else {
            throw SHCError(
                .unmappedCode,
                "expected a CVX code for vaccine \(vaccination.vaccine.system) \(vaccination.vaccine.code) or brand \(vaccination.brand.system) \(vaccination.brand.code), found no mapping")
        }
        let bundle = try FHIRBundleBuilder.bundle(for: record, vaccineCode: cvx)
        let payload = SHCPayload(issuer: issuer, notBefore: nbf, expires: exp, revocationID: revocationID, fhirBundle: bundle)
        guard payload.hasValidIssuerURL else {
            throw SHCError(.issuance, "expected iss to be an https URL without a trailing slash, found another value")
        }
        let minified = JSONSerializer.serialize(payload.json)
        let compressed = try Deflater.deflate(minified, format: .raw)
        let header = JWSHeader(algorithm: "ES256", keyID: keyID, compression: "DEF")
        let jws = try CompactJWS(signing: compressed, header: header, key: signingKey)
        guard jws.text.utf8.count <= SHCNumericQR.maximumSingleJWSLength else {
            throw SHCError(
                .tooLargeForQR,
                "expected a JWS of at most \(SHCNumericQR.maximumSingleJWSLength) characters for one QR, found \(jws.text.utf8.count)")
        }
        var issued = record
        issued.certificate.kid = keyID
        issued.certificate.period = CertificatePeriod(
            start: DateTime(secondsSince1970: Int64(nbf)), end: exp.flatMap { DateTime(secondsSince1970: Int64($0)) })
        return SHCIssued(
            jws: jws.text, qrTexts: [SHCNumericQR.encode(jws.text)],
            fileData: SHCFile(verifiableCredentials: [jws.text]).data, payload: payload, record: issued,
            omitted: Self.omitted(from: record, vaccination: vaccination))
    }

    /// The public JWK of the signing key, as an issuer publishes it in its JWKS.
    public var publicJWK: JSONValue {
        .object(JWK.signingKeyJSON(for: signingKey.publicKey, keyID: keyID))
    }

    private static func omitted(from record: VaccinationRecord, vaccination: VaccinationEvent) -> [GenericCodedError] {
        var members: [String] = ["vaccination.country", "vaccination.dose"]
        if record.sex != nil { members.append("sex") }
        if record.identifier != nil { members.append("identifier") }
        if vaccination.disease != nil { members.append("vaccination.disease") }
        if vaccination.totalDoses != nil { members.append("vaccination.totalDoses") }
        if vaccination.manufacturer != nil { members.append("vaccination.manufacturer") }
        if vaccination.maholder != nil { members.append("vaccination.maholder") }
        if vaccination.practitioner != nil { members.append("vaccination.practitioner") }
        if vaccination.validFrom != nil { members.append("vaccination.validFrom") }
        if vaccination.nextDose != nil { members.append("vaccination.nextDose") }
        if record.certificate.hcid != nil { members.append("certificate.hcid") }
        return members.map {
            GenericCodedError(code: SHCError.Code.notMapped.rawValue, message: "\($0): not carried by a SMART Health Card (data-minimisation profile)")
        }
    }
}
