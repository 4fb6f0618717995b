import JSON

/// One element of the DCC `r` array.
public struct DCCRecoveryEntry: Sendable, Hashable {
    /// `tg`: disease or agent the holder recovered from.
    public var targetedDisease: String
    /// `fr`: date of the first positive NAA test result.
    public var firstPositiveDate: String
    /// `co`: country of the test.
    public var country: String
    /// `is`: certificate issuer.
    public var issuer: String
    /// `df`: certificate valid from.
    public var validFrom: String
    /// `du`: certificate valid until.
    public var validUntil: String
    /// `ci`: unique certificate identifier (UVCI).
    public var certificateIdentifier: String
    /// Members the schema does not define, kept in order.
    public var unknownMembers: JSONObject

    /// Creates the value from its members; see the properties for their meaning.
    public init(
        targetedDisease: String, firstPositiveDate: String, country: String, issuer: String, validFrom: String,
        validUntil: String, certificateIdentifier: String, unknownMembers: JSONObject = JSONObject()
    ) {
        self.targetedDisease = targetedDisease
        self.firstPositiveDate = firstPositiveDate
        self.country = country
        self.issuer = issuer
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.certificateIdentifier = certificateIdentifier
        self.unknownMembers = unknownMembers
    }

    /// Members in schema order.
    static let keys = ["tg", "fr", "co", "is", "df", "du", "ci"]

    init(json: JSONValue, path: String) throws {
        let r = try DCCJSONReader(json, path: path, known: Self.keys)
        self.init(
            targetedDisease: try r.string("tg"), firstPositiveDate: try r.string("fr"), country: try r.string("co"),
            issuer: try r.string("is"), validFrom: try r.string("df"), validUntil: try r.string("du"),
            certificateIdentifier: try r.string("ci"), unknownMembers: r.unknownMembers
        )
    }

    /// The entry in schema order, then unknown members.
    public var json: JSONValue {
        var object = JSONObject()
        object["tg"] = .string(targetedDisease)
        object["fr"] = .string(firstPositiveDate)
        object["co"] = .string(country)
        object["is"] = .string(issuer)
        object["df"] = .string(validFrom)
        object["du"] = .string(validUntil)
        object["ci"] = .string(certificateIdentifier)
        object.appendMissing(unknownMembers)
        return .object(object)
    }
}
