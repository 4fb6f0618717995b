/// A COSE signature algorithm identifier (IANA "COSE Algorithms" registry).
public struct COSEAlgorithm: Hashable, Sendable, CustomStringConvertible {
    /// The registry value.
    public let rawValue: Int64

    public init(rawValue: Int64) { self.rawValue = rawValue }

    /// ECDSA with SHA-256 on P-256, signature as raw `r || s` (64 bytes).
    public static let es256 = COSEAlgorithm(rawValue: -7)
    /// ECDSA with SHA-384 on P-384, signature as raw `r || s` (96 bytes).
    public static let es384 = COSEAlgorithm(rawValue: -35)
    /// RSASSA-PSS with SHA-256, MGF1 with SHA-256 and a 32-byte salt.
    public static let ps256 = COSEAlgorithm(rawValue: -37)

    public var description: String {
        switch self {
        case .es256: return "ES256"
        case .es384: return "ES384"
        case .ps256: return "PS256"
        default: return "alg \(rawValue)"
        }
    }
}
