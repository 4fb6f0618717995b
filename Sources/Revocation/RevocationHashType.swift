/// What a revocation hash was computed from.
///
/// The raw values of the EU DCC types are the gateway's `hashType` names (`UCI`, `COUNTRYCODEUCI`,
/// `SIGNATURE`); the others are OpenDVC's own. ``code`` is the byte that stands for the type in the binary
/// snapshot format (docs/REVOCATION.md) and never changes.
public enum RevocationHashType: String, Sendable, CaseIterable {
    /// EU DCC: SHA-256 of the UTF-8 bytes of the certificate identifier (`ci`).
    case uci = "UCI"
    /// EU DCC: SHA-256 of the UTF-8 bytes of the issuing country code followed by the `ci`.
    case countryCodeUCI = "COUNTRYCODEUCI"
    /// EU DCC: SHA-256 of the COSE signature (only `r` for ECDSA).
    case signature = "SIGNATURE"
    /// SMART Health Cards: a revocation id (`vc.rid`) of one issuer key.
    case shcRID = "SHC_RID"
    /// A vaccine lot (GTIN and batch/lot number): every certificate of a recalled lot.
    case lot = "LOT"
    /// An OpenDVC certificate identifier.
    case certificate = "CERTIFICATE"

    /// The byte that encodes this type in snapshots and deltas (1 to 6, in declaration order).
    public var code: UInt8 {
        switch self {
        case .uci: return 1
        case .countryCodeUCI: return 2
        case .signature: return 3
        case .shcRID: return 4
        case .lot: return 5
        case .certificate: return 6
        }
    }

    /// The type a code byte stands for, or nil for a byte that names no type.
    public init?(code: UInt8) {
        switch code {
        case 1: self = .uci
        case 2: self = .countryCodeUCI
        case 3: self = .signature
        case 4: self = .shcRID
        case 5: self = .lot
        case 6: self = .certificate
        default: return nil
        }
    }

    /// The number of types, which is also the largest code.
    static let codeCount = 6
}
