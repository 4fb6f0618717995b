import JSON

/// The DCC `nam` object: names as written and their ICAO 9303 transliterations.
public struct DCCName: Sendable, Hashable {
    /// `fn`: surname(s) as written.
    public var familyName: String?
    /// `fnt`: surname(s) transliterated (ICAO 9303, `A`–`Z` and `<`).
    public var familyNameTransliterated: String?
    /// `gn`: forename(s) as written.
    public var givenName: String?
    /// `gnt`: forename(s) transliterated.
    public var givenNameTransliterated: String?
    /// Members the schema does not define, kept in order.
    public var unknownMembers: JSONObject

    /// Creates the value from its members; see the properties for their meaning.
    public init(
        familyName: String? = nil, familyNameTransliterated: String? = nil, givenName: String? = nil,
        givenNameTransliterated: String? = nil, unknownMembers: JSONObject = JSONObject()
    ) {
        self.familyName = familyName
        self.familyNameTransliterated = familyNameTransliterated
        self.givenName = givenName
        self.givenNameTransliterated = givenNameTransliterated
        self.unknownMembers = unknownMembers
    }

    static let keys = ["fn", "fnt", "gn", "gnt"]

    init(json: JSONValue, path: String) throws {
        let reader = try DCCJSONReader(json, path: path, known: Self.keys)
        self.init(
            familyName: try reader.optionalString("fn"),
            familyNameTransliterated: try reader.optionalString("fnt"),
            givenName: try reader.optionalString("gn"),
            givenNameTransliterated: try reader.optionalString("gnt"),
            unknownMembers: reader.unknownMembers
        )
    }

    /// The `nam` object: fn, fnt, gn, gnt, then unknown members.
    public var json: JSONValue {
        var object = JSONObject()
        object["fn"] = familyName.map(JSONValue.string)
        object["fnt"] = familyNameTransliterated.map(JSONValue.string)
        object["gn"] = givenName.map(JSONValue.string)
        object["gnt"] = givenNameTransliterated.map(JSONValue.string)
        object.appendMissing(unknownMembers)
        return .object(object)
    }
}
