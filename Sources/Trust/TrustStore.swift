import JOSE

/// The keys a verifier trusts: document signer certificates looked up by kid, and JWK sets per issuer.
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

    /// Whether the store holds no certificate and no key set.
    public var isEmpty: Bool { count == 0 && keySets.isEmpty }

    /// Adds a JWK set, bound to `issuer` (its keys then verify that issuer's credentials only), or unbound.
    public mutating func add(_ keySet: JWKSet, issuer: String? = nil) {
        keySets.append((issuer, keySet))
    }

    /// The signing keys usable for `issuer` with key id `keyID`: those of sets bound to the issuer, then those of
    /// unbound sets.
    public func keys(forIssuer issuer: String, keyID: String) -> [JWK] {
        keySets.filter { $0.issuer == issuer }.flatMap { $0.keys.keys(withID: keyID) }
            + keySets.filter { $0.issuer == nil }.flatMap { $0.keys.keys(withID: keyID) }
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
