import Crypto
import Foundation
import JSON
import Trust
import VaccinationRecord

/// Issues ICAO VDS-NC proofs of vaccination (`icao.vacc`): the JSON text that goes into the QR code.
///
/// Pipeline: record(s) → `data` (``VDSNCPayload``, profile limits, ICD-11 codes) → RFC 8785 canonical bytes →
/// ECDSA P-256 / SHA-256 signature (`ES256`, raw `r || s`) → `{"data": ..., "sig": {"alg", "cer", "sigvl"}}` with
/// the barcode signer certificate (`cer`) and signature (`sigvl`) in base64url.
///
/// The document signer certificate of an ``IssuerSigningSetup`` serves as barcode signer certificate: verifiers
/// trust it through its CSCA.
public struct VDSNCIssuer: Sendable {
    /// The barcode signer's private key.
    public let signingKey: P256.Signing.PrivateKey
    /// The barcode signer certificate embedded in every seal.
    public let certificate: DocumentSignerCertificate
    /// `hdr.is`: the issuing state (three letters, Doc 9303-3).
    public let issuingState: String
    /// Field and dose limits.
    public var profile: VDSNCProfile = .standard
    /// How vaccine and disease codings become ICD-11 codes.
    public var codes: VDSNCCodeTranslation = .standard

    /// Creates an issuer for a barcode signer key and its certificate.
    ///
    /// - Parameter issuingState: `hdr.is`; three capital letters (kept) or an ISO 3166-1 alpha-2 code (converted).
    ///   It must name the certificate subject's country, which is also the default (verifiers refuse a seal whose
    ///   `hdr.is` is another state: `ICAO_ISSUER_MISMATCH`); the OpenDVC test country `XX` becomes `UTO`, the
    ///   Doc 9303 specimen state.
    /// - Throws: ``VDSNCError`` `ICAO_ISSUANCE` when the key does not belong to the certificate, the certificate
    ///   names no state, or `issuingState` is another state.
    public init(
        signingKey: P256.Signing.PrivateKey, certificate: DocumentSignerCertificate, issuingState: String? = nil
    )
        throws
    {
        guard case .p256(let certificateKey) = certificate.publicKey,
            certificateKey.rawRepresentation == signingKey.publicKey.rawRepresentation
        else {
            throw VDSNCError(
                .issuance, "expected the signing key to belong to the barcode signer certificate, found another key")
        }
        guard let state = VDSNCIssuingState.code(for: certificate.subjectCountry) else {
            throw VDSNCError(
                .issuance,
                "expected the barcode signer certificate to name its state (subject C, an ISO 3166-1 alpha-2 code), found \(certificate.subjectCountry == nil ? "none" : "another value")"
            )
        }
        if let issuingState, VDSNCIssuingState.code(for: issuingState) != state {
            throw VDSNCError(
                .issuance,
                "expected the issuing state \(state) of the barcode signer certificate, found \(VDSNCIssuingState.code(for: issuingState) ?? "a code that is not a state")"
            )
        }
        self.signingKey = signingKey
        self.certificate = certificate
        self.issuingState = state
    }

    /// Creates an issuer from the DER bytes of the barcode signer certificate.
    ///
    /// - Throws: the ``TrustError`` of ``DocumentSignerCertificate/init(derEncoded:)``, and as
    ///   ``init(signingKey:certificate:issuingState:)``.
    public init(signingKey: P256.Signing.PrivateKey, certificateDER: [UInt8], issuingState: String? = nil) throws {
        try self.init(
            signingKey: signingKey, certificate: try DocumentSignerCertificate(derEncoded: certificateDER),
            issuingState: issuingState)
    }

    /// Issues a seal for one vaccination record and returns its text.
    ///
    /// - Parameter issuedAt: the signing time; the barcode signer certificate must be valid then.
    /// - Throws: ``VDSNCError``: the mapping errors of ``VDSNCPayload/init(record:issuingState:profile:codes:)``
    ///   (`ICAO_UNMAPPABLE`, `ICAO_UNMAPPED_CODE`, `ICAO_FIELD_TOO_LONG`), `ICAO_ISSUANCE` outside the
    ///   certificate's validity.
    public func issue(_ record: VaccinationRecord, issuedAt: Date = Date()) throws -> String {
        try seal(doses: [record], issuedAt: issuedAt).text
    }

    /// Issues one seal for several doses of one holder (one record per dose) and returns its text; beyond
    /// ``VDSNCProfile/maximumDoses`` the oldest doses are left out.
    public func issue(doses records: [VaccinationRecord], issuedAt: Date = Date()) throws -> String {
        try seal(doses: records, issuedAt: issuedAt).text
    }

    /// Issues one seal for several doses of one holder, with the payload and the number of doses left out.
    public func seal(doses records: [VaccinationRecord], issuedAt: Date = Date()) throws -> IssuedVDSNC {
        guard certificate.notValidBefore <= issuedAt, issuedAt <= certificate.notValidAfter else {
            throw VDSNCError(
                .issuance,
                "expected the barcode signer certificate to be valid at the issuing time, found it valid from \(Self.format(certificate.notValidBefore)) to \(Self.format(certificate.notValidAfter))"
            )
        }
        let (payload, dropped) = try VDSNCPayload.make(
            doses: records, issuingState: issuingState, profile: profile, codes: codes)
        let data = payload.json
        let canonical = JSONSerializer.serialize(data, style: .canonical)
        let signature: [UInt8]
        do {
            signature = Array(try signingKey.signature(for: canonical).rawRepresentation)
        } catch {
            throw VDSNCError(.issuance, "expected to sign the canonical data, failed with \(type(of: error))")
        }
        let text = VDSNCSeal.text(
            data: data, algorithm: VDSNCSignatureAlgorithm.es256.rawValue, certificate: certificate.derBytes,
            signature: signature)
        return IssuedVDSNC(text: text, payload: payload, droppedDoses: dropped)
    }

    private static func format(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        return DateTime(secondsSince1970: seconds)?.text ?? "\(seconds) s"
    }
}

/// One issued VDS-NC seal.
public struct IssuedVDSNC: Sendable {
    /// The seal text, compact JSON, for the QR code.
    public let text: String
    /// The signed `data`.
    public let payload: VDSNCPayload
    /// How many of the given doses were left out (``VDSNCProfile/maximumDoses``).
    public let droppedDoses: Int
}
