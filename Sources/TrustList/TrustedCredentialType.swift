/// A kind of credential an issuer in a trust list is trusted for.
///
/// The raw values are the strings of the trust-list JSON (`credentialTypes`).
public enum TrustedCredentialType: String, Sendable, Hashable, CaseIterable, Comparable {
    /// EU DCC / HCERT (`HC1:`), verified with the issuer's document signer certificates.
    case hc1
    /// SMART Health Cards, verified with the issuer's JWKS keys.
    case shc
    /// ICAO VDS-NC seals, whose signer certificates chain to the issuer's VDS-NC signer CAs.
    case vds
    /// W3C Verifiable Credentials (JWT), verified with the issuer's JWKS keys.
    case vc
    /// SD-JWT credentials, verified with the issuer's JWKS keys.
    case sdjwt

    /// Orders by raw value (the order in the encoded list).
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
