import JOSE
import X509

/// The keys a verifier trusts: document signer certificates looked up by kid, JWK sets per issuer, and signing
/// authorities (CSCAs) whose signer certificates are trusted through their chain (ICAO VDS-NC).
///
/// Several certificates may share a kid (the kid is only 8 bytes of a hash, and issuers reuse keys), so a lookup
/// returns every candidate and the caller tries each. Adding the same certificate bytes twice keeps one copy.
public struct TrustStore: Sendable {
    /// Certificates by kid; the 8 kid bytes packed big-endian into one integer.
    private var certificatesByKid: [UInt64: [DocumentSignerCertificate]] = [:]
    /// The number of distinct certificates held.
    public private(set) var count = 0

    /// An empty store.
    public init() {}

    /// A store holding `certificates` (duplicates are kept once).
    public init(certificates: some Sequence<DocumentSignerCertificate>) {
        for certificate in certificates {
            add(certificate)
        }
    }

    /// JWK sets (SMART Health Cards, W3C VC issuers): bound to an issuer, or usable for any issuer (`nil`).
    public private(set) var keySets: [(issuer: String?, keys: JWKSet)] = []

    /// Trusted signing authorities (ICAO CSCAs), in the order they were added; the same bytes are kept once.
    public private(set) var signingAuthorities: [SigningAuthority] = [] {
        didSet { signerCache = SignerCertificateCache() }
    }

    /// Signer certificates already parsed and checked against ``signingAuthorities``.
    private var signerCache = SignerCertificateCache()

    /// Whether the store holds no certificate, no key set and no signing authority.
    public var isEmpty: Bool { count == 0 && keySets.isEmpty && signingAuthorities.isEmpty }

    /// Adds a signing authority; one with the same certificate bytes as one already held is ignored.
    public mutating func add(authority: SigningAuthority) {
        guard !signingAuthorities.contains(authority) else { return }
        signingAuthorities.append(authority)
    }

    /// Adds several signing authorities.
    public mutating func add(authorities: some Sequence<SigningAuthority>) {
        for authority in authorities {
            add(authority: authority)
        }
    }

    /// The authorities whose subject is `issuer` of `signer` and whose key verifies its signature, in the order
    /// they were added.
    public func authorities(issuing signer: Certificate) -> [SigningAuthority] {
        signingAuthorities.filter { $0.issued(signer) }
    }

    /// A signer certificate given as DER (a VDS-NC barcode signer) parsed, with the authorities that issued it,
    /// its key identifier (``DocumentSignerCertificate/kid(for:)``) and its subject's country (C); nil when
    /// swift-certificates cannot read it. Answers are remembered per certificate, so a verifier that sees many
    /// seals of one signer parses it, hashes it and checks its chain once.
    public func signer(
        derEncoded bytes: [UInt8]
    ) -> (certificate: Certificate, issuers: [SigningAuthority], kid: [UInt8], country: String?)? {
        if let entry = signerCache.entry(for: bytes) {
            return (entry.certificate, entry.issuers.map { signingAuthorities[$0] }, entry.kid, entry.country)
        }
        guard let certificate = try? Certificate(derEncoded: bytes) else { return nil }
        let issuers = signingAuthorities.indices.filter { signingAuthorities[$0].issued(certificate) }
        let kid = DocumentSignerCertificate.kid(for: bytes)
        let country = DocumentSignerCertificate.country(in: certificate.subject)
        signerCache.remember(.init(certificate: certificate, issuers: issuers, kid: kid, country: country), for: bytes)
        return (certificate, issuers.map { signingAuthorities[$0] }, kid, country)
    }

    /// Adds a JWK set, bound to `issuer` (its keys then verify that issuer's credentials only), or unbound.
    public mutating func add(_ keySet: JWKSet, issuer: String? = nil) {
        keySets.append((issuer, keySet))
    }

    /// The signing keys usable for `issuer` with key id `keyID`: those of sets bound to the issuer, then those of
    /// unbound sets.
    public func keys(forIssuer issuer: String, keyID: String) -> [JWK] {
        // Two plain passes into one array: this runs once per verification.
        var found: [JWK] = []
        for set in keySets where set.issuer == issuer {
            for key in set.keys.keys where key.keyID == keyID { found.append(key) }
        }
        for set in keySets where set.issuer == nil {
            for key in set.keys.keys where key.keyID == keyID { found.append(key) }
        }
        return found
    }

    /// Every certificate held, grouped by kid (the order of the groups is unspecified).
    public var allCertificates: [DocumentSignerCertificate] {
        certificatesByKid.values.flatMap { $0 }
    }

    /// Adds a certificate; a certificate with the same bytes as one already held is ignored.
    public mutating func add(_ certificate: DocumentSignerCertificate) {
        guard let key = Self.key(certificate.kid) else { return }
        var bucket = certificatesByKid[key, default: []]
        guard !bucket.contains(where: { $0.derBytes == certificate.derBytes }) else { return }
        bucket.append(certificate)
        certificatesByKid[key] = bucket
        count += 1
    }

    /// Adds several certificates.
    public mutating func add(contentsOf certificates: some Sequence<DocumentSignerCertificate>) {
        for certificate in certificates {
            add(certificate)
        }
    }

    /// The certificates whose kid is `kid`, in the order they were added; empty for a kid that is not 8 bytes long.
    public func certificates(forKid kid: some Collection<UInt8>) -> [DocumentSignerCertificate] {
        guard let key = Self.key(kid) else { return [] }
        return certificatesByKid[key] ?? []
    }

    /// The certificates whose kid is `kid` (a non-generic entry point for the verification hot path:
    /// generic calls across modules run unspecialised).
    public func certificates(forKid kid: ArraySlice<UInt8>) -> [DocumentSignerCertificate] {
        guard kid.count == 8 else { return [] }
        var key: UInt64 = 0
        for byte in kid { key = key << 8 | UInt64(byte) }
        return certificatesByKid[key] ?? []
    }

    private static func key(_ kid: some Collection<UInt8>) -> UInt64? {
        guard kid.count == 8 else { return nil }
        return kid.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
