/// Limits applied to untrusted trust lists and imported documents.
public struct TrustListLimits: Sendable, Hashable {
    /// The largest signed list, payload or imported document, in bytes (default 16 MiB).
    public var maximumBytes: Int
    /// The most issuers in a list (default 10,000).
    public var maximumIssuers: Int
    /// The most certificates (CSCAs, DSCs and VDS-NC CAs together) of one issuer (default 10,000).
    public var maximumCertificatesPerIssuer: Int
    /// The largest certificate, in DER bytes (default 64 KiB).
    public var maximumCertificateBytes: Int
    /// The most JWKS keys of one issuer (default 1,000).
    public var maximumKeysPerIssuer: Int
    /// The most revoked kids of one issuer (default 100,000).
    public var maximumRevokedKidsPerIssuer: Int
    /// The deepest JSON nesting of a list payload (default 8; the format needs 7).
    public var maximumDepth: Int
    /// The most entries (gateway list items, DID verification methods) of an imported document (default 100,000).
    public var maximumImportEntries: Int

    /// Creates limits; the defaults suit a global trust list.
    public init(
        maximumBytes: Int = 16 << 20, maximumIssuers: Int = 10_000, maximumCertificatesPerIssuer: Int = 10_000,
        maximumCertificateBytes: Int = 64 * 1024, maximumKeysPerIssuer: Int = 1_000,
        maximumRevokedKidsPerIssuer: Int = 100_000, maximumDepth: Int = 8, maximumImportEntries: Int = 100_000
    ) {
        self.maximumBytes = maximumBytes
        self.maximumIssuers = maximumIssuers
        self.maximumCertificatesPerIssuer = maximumCertificatesPerIssuer
        self.maximumCertificateBytes = maximumCertificateBytes
        self.maximumKeysPerIssuer = maximumKeysPerIssuer
        self.maximumRevokedKidsPerIssuer = maximumRevokedKidsPerIssuer
        self.maximumDepth = maximumDepth
        self.maximumImportEntries = maximumImportEntries
    }

    /// The default limits.
    public static let `default` = TrustListLimits()
}
