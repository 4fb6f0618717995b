import CredentialVerification
import Foundation
import Trust
import X509

/// Whether the barcode signer certificate embedded in a seal is trusted: issued by a trusted CSCA of the trust
/// store, or itself held as a trusted document signer certificate.
struct BarcodeSignerCheck {
    enum Outcome {
        case trusted
        case failed(VDSNCError)
    }

    /// The parsed certificate; nil when `sig.cer` is not a certificate swift-certificates reads.
    /// The certificate's key identifier (``DocumentSignerCertificate/kid(for:)``), remembered by the trust store.
    let kid: [UInt8]
    let certificate: Certificate?
    /// The certificate subject's country (C), the state whose seals it signs.
    let country: String?
    /// The first trusted CSCA that issued the certificate.
    let authority: SigningAuthority?
    let outcome: Outcome

    /// Looks the seal's certificate up in `trustStore`.
    init(seal: VDSNCSeal, trustStore: TrustStore) {
        guard let (certificate, authorities, kid, country) = trustStore.signer(derEncoded: seal.certificateBytes) else {
            self.kid = DocumentSignerCertificate.kid(for: seal.certificateBytes)
            self.certificate = nil
            self.country = nil
            self.authority = nil
            self.outcome = .failed(
                VDSNCError(
                    .invalidCertificate,
                    "sig.cer: expected a DER X.509 certificate, found \(seal.certificateBytes.count) bytes that are not one"
                ))
            return
        }
        self.kid = kid
        self.certificate = certificate
        self.country = country
        self.authority = authorities.first
        // Whether the certificate is itself trusted matters only when no trusted CSCA issued it.
        if authorities.isEmpty
            && !trustStore.certificates(forKid: kid).contains(where: { $0.derBytes == seal.certificateBytes })
        {
            self.outcome = .failed(
                VDSNCError(
                    .unknownKey,
                    "expected a barcode signer certificate issued by one of the \(trustStore.signingAuthorities.count) trusted CSCAs "
                        + "(or itself trusted), found none that issued it"
                ))
        } else {
            self.outcome = .trusted
        }
    }

    /// Verifies `sigvl` over the canonical `data` with the certificate's key.
    func verifySignature(of seal: VDSNCSeal) throws {
        // Optional chaining reads the key alone: binding the certificate would copy (retain) all its parts.
        guard let publicKey = certificate?.publicKey else {
            throw VDSNCError(.invalidCertificate, "sig.cer: expected a certificate, found none")
        }
        guard let algorithm = VDSNCSignatureAlgorithm(rawValue: seal.algorithm) else {
            throw VDSNCError(.unsupportedAlgorithm, "sig.alg: expected ES256, ES384 or ES512, found another value")
        }
        try algorithm.verify(seal.signatureBytes, over: seal.signedBytes, key: publicKey)
    }

    /// Why the seal's `hdr.is` is not the state of the barcode signer certificate; nil when it is (or when there
    /// is no certificate, which fails the signature check already).
    func issuingStateError(of seal: VDSNCSeal) -> VDSNCError? {
        guard hasCertificate else { return nil }
        return VDSNCIssuingState.mismatch(seal.issuingState, signerCountry: country)
    }

    var hasCertificate: Bool {
        if case .some = certificate { return true }
        return false
    }

    /// Whether the KeyUsage extension allows digitalSignature; nil without the extension (or a certificate).
    var keyUsageAllowsSigning: Bool? {
        guard let keyUsage = try? certificate?.extensions.keyUsage else { return nil }
        return keyUsage.digitalSignature
    }

    /// Why the certificate, or the CSCA that issued it, is not valid at `date`; nil when both are.
    func validityError(at date: Date) -> VDSNCError? {
        guard let start = certificate?.notValidBefore, let end = certificate?.notValidAfter else { return nil }
        if let error = Self.validityError(of: "barcode signer certificate", from: start, until: end, at: date) {
            return error
        }
        guard let start = authority?.certificate.notValidBefore, let end = authority?.certificate.notValidAfter else {
            return nil
        }
        return Self.validityError(of: "CSCA certificate", from: start, until: end, at: date)
    }

    /// Why the certificate called `name`, valid from `start` until `end`, is not valid at `date`; nil when it is.
    private static func validityError(of name: String, from start: Date, until end: Date, at date: Date) -> VDSNCError?
    {
        if date < start {
            return VDSNCError(
                .notYetValid,
                "expected the \(name) to be valid at \(Timestamp.format(date)), found it valid from \(Timestamp.format(start))"
            )
        }
        if date > end {
            return VDSNCError(
                .expired,
                "expected the \(name) to be valid at \(Timestamp.format(date)), found it valid until \(Timestamp.format(end))"
            )
        }
        return nil
    }
}
