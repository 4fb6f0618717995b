import Foundation

/// A vaccine lot (batch): a GTIN and a lot number, as on the vial's GS1 DataMatrix (AIs 01 and 10).
public struct Lot: Sendable, Hashable {
    /// The GTIN, 14 digits.
    public var gtin: String
    /// The lot number (AI 10, 1 to 20 characters).
    public var lot: String
    /// The expiry date `YYYY-MM-DD` (AI 17 or EPCIS `cbvmda:itemExpirationDate`), if known.
    public var expiry: String?
    /// The product's code as in vaccination records (for example `EU/1/20/1528`), if known.
    public var productCode: String?
    public var createdAt: Date

    /// Creates a lot.
    public init(gtin: String, lot: String, expiry: String? = nil, productCode: String? = nil, createdAt: Date) {
        self.gtin = gtin
        self.lot = lot
        self.expiry = expiry
        self.productCode = productCode
        self.createdAt = createdAt
    }
}
