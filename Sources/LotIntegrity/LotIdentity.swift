/// A lot's identity: the GTIN of the product and the lot (batch) number.
public struct LotIdentity: Sendable, Hashable, Comparable {
    /// The GTIN as 14 digits.
    public var gtin: String
    /// The lot (batch) number, AI 10, as decoded text.
    public var lot: String

    /// A lot of a GTIN.
    public init(gtin: String, lot: String) {
        self.gtin = gtin
        self.lot = lot
    }

    /// Orders by GTIN, then lot.
    public static func < (lhs: LotIdentity, rhs: LotIdentity) -> Bool { (lhs.gtin, lhs.lot) < (rhs.gtin, rhs.lot) }
}
