/// The family of a COSE signature, which decides which bytes the EU DCC `SIGNATURE` hash covers.
public enum RevocationSignatureAlgorithm: Sendable, Hashable, CaseIterable {
    /// ECDSA (ES256, ES384, ES512): the COSE signature is `r ‖ s`, and only `r` (the first half) is hashed,
    /// because `s` can be replaced by `n − s` without invalidating the signature.
    case ecdsa
    /// RSA (PS256/384/512, RS256/384/512): the whole signature is hashed.
    case rsa

    /// The family of a COSE algorithm identifier, or nil for one that is neither ECDSA nor RSA.
    public init?(coseAlgorithm: Int64) {
        switch coseAlgorithm {
        case -7, -35, -36: self = .ecdsa
        case -37, -38, -39, -257, -258, -259: self = .rsa
        default: return nil
        }
    }
}
