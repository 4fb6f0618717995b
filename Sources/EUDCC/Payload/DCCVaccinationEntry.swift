import JSON

/// One element of the DCC `v` array.
public struct DCCVaccinationEntry: Sendable, Hashable {
    /// `tg`: disease or agent targeted (SNOMED CT, e.g. 840539006).
    public var targetedDisease: String
    /// `vp`: vaccine or prophylaxis (SNOMED CT or ATC).
    public var vaccineType: String
    /// `mp`: medicinal product (EU/1/20/1528 or a value-set name).
    public var medicinalProduct: String
    /// `ma`: marketing authorisation holder, or manufacturer (ORG-100030215...).
    public var marketingAuthorizationHolder: String
    /// `dn`: dose number.
    public var doseNumber: Int
    /// `sd`: total doses in the series.
    public var totalDoses: Int
    /// `dt`: date of vaccination (YYYY-MM-DD).
    public var date: String
    /// `co`: country of vaccination (ISO 3166-1 alpha-2).
    public var country: String
    /// `is`: certificate issuer.
    public var issuer: String
    /// `ci`: unique certificate identifier (UVCI).
    public var certificateIdentifier: String
    /// Members the schema does not define, kept in order.
    public var unknownMembers: JSONObject

    /// Creates the value from its members; see the properties for their meaning.
    public init(
        targetedDisease: String, vaccineType: String, medicinalProduct: String, marketingAuthorizationHolder: String,
        doseNumber: Int, totalDoses: Int, date: String, country: String, issuer: String,
        certificateIdentifier: String, unknownMembers: JSONObject = JSONObject()
    ) {
        self.targetedDisease = targetedDisease
        self.vaccineType = vaccineType
        self.medicinalProduct = medicinalProduct
        self.marketingAuthorizationHolder = marketingAuthorizationHolder
        self.doseNumber = doseNumber
        self.totalDoses = totalDoses
        self.date = date
        self.country = country
        self.issuer = issuer
        self.certificateIdentifier = certificateIdentifier
        self.unknownMembers = unknownMembers
    }

    /// Members in schema order.
    static let keys = ["tg", "vp", "mp", "ma", "dn", "sd", "dt", "co", "is", "ci"]

    init(json: JSONValue, path: String) throws {
        let r = try DCCJSONReader(json, path: path, known: Self.keys)
        self.init(
            targetedDisease: try r.string("tg"), vaccineType: try r.string("vp"),
            medicinalProduct: try r.string("mp"), marketingAuthorizationHolder: try r.string("ma"),
            doseNumber: try r.integer("dn"), totalDoses: try r.integer("sd"), date: try r.string("dt"),
            country: try r.string("co"), issuer: try r.string("is"), certificateIdentifier: try r.string("ci"),
            unknownMembers: r.unknownMembers
        )
    }

    /// The entry in schema order, then unknown members.
    public var json: JSONValue {
        var object = JSONObject()
        object["tg"] = .string(targetedDisease)
        object["vp"] = .string(vaccineType)
        object["mp"] = .string(medicinalProduct)
        object["ma"] = .string(marketingAuthorizationHolder)
        object["dn"] = .integer(Int64(doseNumber))
        object["sd"] = .integer(Int64(totalDoses))
        object["dt"] = .string(date)
        object["co"] = .string(country)
        object["is"] = .string(issuer)
        object["ci"] = .string(certificateIdentifier)
        object.appendMissing(unknownMembers)
        return .object(object)
    }
}
