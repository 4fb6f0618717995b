import Foundation
import JSON
import Trust

/// One issuer of a trust list: a country's or organisation's signing material and what it may sign.
///
/// Times are Unix seconds (UTC). Certificates are DER bytes as published; nothing here is parsed or checked
/// until the list is validated (``TrustList/validate(limits:)``) or its signers are checked
/// (``checkDocumentSigners(at:)``).
public struct TrustListIssuer: Sendable, Hashable {
    /// A stable identifier, unique in the list (for example `DE` or `eu-gateway:DE`).
    public var id: String
    /// ISO 3166-1 alpha-2 country code: two capital letters.
    public var country: String
    /// Start of the window in which the issuer is trusted (Unix seconds).
    public var notBefore: Int64
    /// End of the window in which the issuer is trusted (Unix seconds, inclusive).
    public var notAfter: Int64
    /// The credential types the issuer may sign (at least one).
    public var credentialTypes: Set<TrustedCredentialType>
    /// The issuer's Country Signing CA certificates (DER), the roots its document signers must chain to.
    public var cscaCertificates: [[UInt8]]
    /// The issuer's document signer certificates (DER); their kids are ``kid(ofCertificate:)``.
    public var documentSigners: [[UInt8]]
    /// Kids (base64 of 8 bytes) of revoked document signers: each, and everything it signed, is refused.
    public var revokedKids: Set<String>
    /// The SMART Health Cards / JWT issuer URL (`iss`) the ``shcKeys`` are bound to.
    public var shcIssuerURL: String?
    /// The issuer's public JWKs (EC P-256, as in its `.well-known/jwks.json`); members are kept in canonical
    /// (sorted) order, so that a list compares equal to its decoded encoding.
    public var shcKeys: [JSONObject] {
        didSet { shcKeys = shcKeys.map(CanonicalOrder.sorted) }
    }
    /// CA certificates (DER) under which the issuer's ICAO VDS-NC barcode signer certificates are trusted.
    public var vdsSignerCAs: [[UInt8]]

    /// Creates an issuer.
    public init(
        id: String, country: String, notBefore: Int64, notAfter: Int64, credentialTypes: Set<TrustedCredentialType>,
        cscaCertificates: [[UInt8]] = [], documentSigners: [[UInt8]] = [], revokedKids: Set<String> = [],
        shcIssuerURL: String? = nil, shcKeys: [JSONObject] = [], vdsSignerCAs: [[UInt8]] = []
    ) {
        self.id = id
        self.country = country
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.credentialTypes = credentialTypes
        self.cscaCertificates = cscaCertificates
        self.documentSigners = documentSigners
        self.revokedKids = revokedKids
        self.shcIssuerURL = shcIssuerURL
        self.shcKeys = shcKeys.map(CanonicalOrder.sorted)
        self.vdsSignerCAs = vdsSignerCAs
    }

    /// The EU DCC kid of a certificate as text: standard base64 (with padding) of the first 8 bytes of the
    /// SHA-256 digest of its DER, for example `qroU+hDDovs=`.
    public static func kid(ofCertificate der: some Collection<UInt8>) -> String {
        Data(DocumentSignerCertificate.kid(for: der)).base64EncodedString()
    }

    /// The kids of ``documentSigners``, in the same order.
    public var documentSignerKids: [String] { documentSigners.map { Self.kid(ofCertificate: $0) } }
}
