import Crypto
import Trust

/// What the issuers need: the document signer's key and certificate, the issuing country, and the issuer URL the
/// JOSE formats (SMART Health Cards, W3C VC) name as `iss`.
public struct IssuanceSigner: Sendable {
    public let key: P256.Signing.PrivateKey
    public let certificate: DocumentSignerCertificate
    /// ISO 3166-1 alpha-2; the certificate's country when nil.
    public let issuerCountry: String?
    /// The https URL (or `did:web`) that publishes the JWKS; needed for SHC and VC.
    public let issuerURL: String?

    /// Creates a signer.
    public init(key: P256.Signing.PrivateKey, certificate: DocumentSignerCertificate, issuerCountry: String?, issuerURL: String?) {
        self.key = key
        self.certificate = certificate
        self.issuerCountry = issuerCountry
        self.issuerURL = issuerURL
    }
}
