extension ApplicationIdentifier {
    /// The AIs this implementation knows, by code.
    public static let known: [String: ApplicationIdentifier] = {
        var table: [String: ApplicationIdentifier] = [:]
        for ai in all { table[ai.code] = ai }
        return table
    }()

    /// Looks up an AI by its digits.
    public static func named(_ code: String) -> ApplicationIdentifier? { known[code] }

    /// SSCC, serial shipping container code (n18).
    public static let sscc = ApplicationIdentifier(
        code: "00", title: "SSCC", minLength: 18, maxLength: 18, charset: .numeric, check: .checkDigit)
    /// GTIN (n14).
    public static let gtin = ApplicationIdentifier(
        code: "01", title: "GTIN", minLength: 14, maxLength: 14, charset: .numeric, check: .checkDigit)
    /// GTIN of contained trade items (n14).
    public static let content = ApplicationIdentifier(
        code: "02", title: "CONTENT", minLength: 14, maxLength: 14, charset: .numeric, check: .checkDigit)
    /// Batch or lot number (an..20).
    public static let batchLot = ApplicationIdentifier(
        code: "10", title: "BATCH/LOT", minLength: 1, maxLength: 20, charset: .alphanumeric82)
    /// Production date YYMMDD (n6).
    public static let productionDate = ApplicationIdentifier(
        code: "11", title: "PROD DATE", minLength: 6, maxLength: 6, charset: .numeric, check: .date)
    /// Packaging date YYMMDD (n6).
    public static let packagingDate = ApplicationIdentifier(
        code: "13", title: "PACK DATE", minLength: 6, maxLength: 6, charset: .numeric, check: .date)
    /// Best before date YYMMDD (n6).
    public static let bestBefore = ApplicationIdentifier(
        code: "15", title: "BEST BEFORE or BEST BY", minLength: 6, maxLength: 6, charset: .numeric, check: .date)
    /// Expiration date YYMMDD (n6); DD = 00 means the last day of the month.
    public static let expiry = ApplicationIdentifier(
        code: "17", title: "USE BY OR EXPIRY", minLength: 6, maxLength: 6, charset: .numeric, check: .date)
    /// Serial number (an..20).
    public static let serial = ApplicationIdentifier(
        code: "21", title: "SERIAL", minLength: 1, maxLength: 20, charset: .alphanumeric82)
    /// Consumer product variant (an..20).
    public static let cpv = ApplicationIdentifier(
        code: "22", title: "CPV", minLength: 1, maxLength: 20, charset: .alphanumeric82)
    /// Third-party controlled serialised extension of GTIN (an..28).
    public static let tpx = ApplicationIdentifier(
        code: "235", title: "TPX", minLength: 1, maxLength: 28, charset: .alphanumeric82)
    /// Global document type identifier (n13 + an..17).
    public static let gdti = ApplicationIdentifier(
        code: "253", title: "DOC. ID", minLength: 13, maxLength: 30, charset: .alphanumeric82,
        check: .checkDigitPrefix(13))
    /// GLN extension component (an..20), e.g. a fridge or shelf.
    public static let glnExtension = ApplicationIdentifier(
        code: "254", title: "GLN EXTENSION COMPONENT", minLength: 1, maxLength: 20, charset: .alphanumeric82)
    /// Global coupon number (n13 + n..12).
    public static let gcn = ApplicationIdentifier(
        code: "255", title: "GCN", minLength: 13, maxLength: 25, charset: .numeric, check: .checkDigitPrefix(13))
    /// Variable count of items (n..8).
    public static let count = ApplicationIdentifier(
        code: "30", title: "VAR. COUNT", minLength: 1, maxLength: 8, charset: .numeric)
    /// Count of trade items contained (n..8).
    public static let containedCount = ApplicationIdentifier(
        code: "37", title: "COUNT", minLength: 1, maxLength: 8, charset: .numeric)
    /// Customer's purchase order number (an..30).
    public static let orderNumber = ApplicationIdentifier(
        code: "400", title: "ORDER NUMBER", minLength: 1, maxLength: 30, charset: .alphanumeric82)
    /// Global identification number for consignment (an..30).
    public static let ginc = ApplicationIdentifier(
        code: "401", title: "GINC", minLength: 1, maxLength: 30, charset: .alphanumeric82)
    /// Global shipment identification number (n17).
    public static let gsin = ApplicationIdentifier(
        code: "402", title: "GSIN", minLength: 17, maxLength: 17, charset: .numeric, check: .checkDigit)
    /// Identification of a physical location, GLN (n13).
    public static let locationGLN = ApplicationIdentifier(
        code: "414", title: "LOC No.", minLength: 13, maxLength: 13, charset: .numeric, check: .checkDigit)
    /// Party GLN (n13).
    public static let partyGLN = ApplicationIdentifier(
        code: "417", title: "PARTY", minLength: 13, maxLength: 13, charset: .numeric, check: .checkDigit)
    /// Expiration date and time YYMMDDHHMM (n10).
    public static let expiryDateTime = ApplicationIdentifier(
        code: "7003", title: "EXPIRY TIME", minLength: 10, maxLength: 10, charset: .numeric, check: .dateTime)
    /// Global returnable asset identifier (n14 + an..16).
    public static let grai = ApplicationIdentifier(
        code: "8003", title: "GRAI", minLength: 14, maxLength: 30, charset: .alphanumeric82,
        check: .checkDigitPrefix(14))
    /// Global individual asset identifier (an..30), e.g. a data logger or a fridge.
    public static let giai = ApplicationIdentifier(
        code: "8004", title: "GIAI", minLength: 1, maxLength: 30, charset: .alphanumeric82)
    /// Identification of an individual trade item piece, ITIP (n18).
    public static let itip = ApplicationIdentifier(
        code: "8006", title: "ITIP", minLength: 18, maxLength: 18, charset: .numeric, check: .checkDigitPrefix(14))
    /// Component/part identifier, CPID (an..30).
    public static let cpid = ApplicationIdentifier(
        code: "8010", title: "CPID", minLength: 1, maxLength: 30, charset: .alphanumeric39)
    /// CPID serial number (n..12).
    public static let cpidSerial = ApplicationIdentifier(
        code: "8011", title: "CPID SERIAL", minLength: 1, maxLength: 12, charset: .numeric)
    /// Global service relation number, provider (n18).
    public static let gsrnProvider = ApplicationIdentifier(
        code: "8017", title: "GSRN - PROVIDER", minLength: 18, maxLength: 18, charset: .numeric, check: .checkDigit)
    /// Global service relation number, recipient (n18).
    public static let gsrnRecipient = ApplicationIdentifier(
        code: "8018", title: "GSRN - RECIPIENT", minLength: 18, maxLength: 18, charset: .numeric, check: .checkDigit)

    /// Every known AI.
    public static let all: [ApplicationIdentifier] = [
        sscc, gtin, content, batchLot, productionDate, packagingDate, bestBefore, expiry, serial, cpv, tpx, gdti,
        glnExtension, gcn, count, containedCount, orderNumber, ginc, gsin, locationGLN, partyGLN, expiryDateTime,
        grai, giai, itip, cpid, cpidSerial, gsrnProvider, gsrnRecipient,
    ]
}
