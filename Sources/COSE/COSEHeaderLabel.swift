/// Header parameter labels used by OpenDVC (RFC 9052 section 3.1).
public enum COSEHeaderLabel {
    /// `alg`: the signature algorithm.
    public static let algorithm: Int64 = 1
    /// `crit`: critical headers.
    public static let critical: Int64 = 2
    /// `content type`.
    public static let contentType: Int64 = 3
    /// `kid`: key identifier.
    public static let keyID: Int64 = 4
}
