import JSON

/// The holder's name: family and given names as written, and optionally their ICAO 9303 transliterations.
///
/// At least one of ``family`` and ``given`` is required. The transliterated forms (`A`–`Z` and `<`) are kept
/// when an issuer supplied them; otherwise formats that need them compute them with ``ICAOTransliteration``.
public struct PersonName: Sendable, Hashable {
    /// Family name(s) (surname), as written.
    public var family: String?
    /// Given name(s) (forenames), as written.
    public var given: String?
    /// ICAO 9303 transliteration of the family name, when known.
    public var familyTransliterated: String?
    /// ICAO 9303 transliteration of the given name, when known.
    public var givenTransliterated: String?

    /// Creates the value from its members; see the properties for their meaning.
    public init(
        family: String? = nil, given: String? = nil, familyTransliterated: String? = nil,
        givenTransliterated: String? = nil
    ) {
        self.family = family
        self.given = given
        self.familyTransliterated = familyTransliterated
        self.givenTransliterated = givenTransliterated
    }

    static let members = ["family", "given", "familyTransliterated", "givenTransliterated"]

    static func parse(_ value: JSONValue, path: String) throws -> PersonName {
        let reader = try RecordJSONReader(value, path: path, allowed: members)
        return PersonName(
            family: try reader.optional("family", RecordJSONReader.string),
            given: try reader.optional("given", RecordJSONReader.string),
            familyTransliterated: try reader.optional("familyTransliterated", RecordJSONReader.string),
            givenTransliterated: try reader.optional("givenTransliterated", RecordJSONReader.string)
        )
    }

    var jsonValue: JSONValue {
        var object = JSONObject()
        object["family"] = family.map(JSONValue.string)
        object["given"] = given.map(JSONValue.string)
        object["familyTransliterated"] = familyTransliterated.map(JSONValue.string)
        object["givenTransliterated"] = givenTransliterated.map(JSONValue.string)
        return .object(object)
    }
}
