import Crypto
import Foundation
import X509

extension IssuerSigningSetup {
    /// A new document signer under an existing CSCA (key rotation): a fresh key and its certificate, valid from
    /// `now` for `validityDays`, cut to the CSCA's end.
    ///
    /// - Returns: the certificate and its private key.
    /// - Throws: ``TrustError`` `TRUST_INVALID_PARAMETER` for out-of-range arguments or a CSCA that has expired,
    ///   `TRUST_GENERATION_FAILED` when the certificate cannot be built.
    public static func issueDocumentSigner(
        csca: Certificate, cscaKey: P256.Signing.PrivateKey, country: String, organization: String,
        validityDays: Int = 365, types: Set<HealthCertificateType> = [.vaccination], now: Date
    ) throws -> (certificate: Certificate, key: P256.Signing.PrivateKey) {
        try validate(country: country, organization: organization)
        guard (1...maximumValidityDays).contains(validityDays), !types.isEmpty else {
            throw TrustError(
                .invalidParameter,
                "expected validityDays between 1 and \(maximumValidityDays) and at least one type, found \(validityDays) days and \(types.count) types")
        }
        guard csca.notValidAfter > now else {
            throw TrustError(.invalidParameter, "expected a CSCA valid after now to sign a new DSC, found it expired")
        }
        let key = P256.Signing.PrivateKey()
        let notAfter = min(now.addingTimeInterval(Double(validityDays) * 86_400), csca.notValidAfter)
        do {
            let certificate = try makeDSC(
                key: key, issuer: csca, issuerKey: cscaKey, country: country, organization: organization, types: types,
                notBefore: now, notAfter: notAfter)
            return (certificate, key)
        } catch let error as TrustError {
            throw error
        } catch {
            throw TrustError(.generationFailed, "expected to build the DSC, failed with \(type(of: error))")
        }
    }
}
