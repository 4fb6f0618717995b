import JSON

/// The holder of a proof of vaccination: `data.msg.pid`.
public struct VDSNCPerson: Sendable, Hashable {
    /// `n`: the name as Doc 9303-3 writes it: the primary identifier (family name), two spaces, the secondary
    /// identifier (given names), upper-case Latin letters with single spaces inside each part; at most 39 characters.
    public var name: String
    /// `dob`: the date of birth, `YYYY-MM-DD` (`YYYY` or `YYYY-MM` when only that much is known).
    public var birthDate: String?
    /// `sex`: `M`, `F` or `X` (Doc 9303-4 visual inspection zone).
    public var sex: String?
    /// `i`: the travel document number, at most 11 characters.
    public var travelDocumentNumber: String?
    /// `ai`: another document number at the issuer's discretion, at most 24 characters.
    public var additionalIdentifier: String?

    /// Creates the value from its members; see the properties for their meaning.
    public init(
        name: String, birthDate: String? = nil, sex: String? = nil, travelDocumentNumber: String? = nil,
        additionalIdentifier: String? = nil
    ) {
        self.name = name
        self.birthDate = birthDate
        self.sex = sex
        self.travelDocumentNumber = travelDocumentNumber
        self.additionalIdentifier = additionalIdentifier
    }

    /// The members of `pid`, in the order they are written.
    static let members: [StaticString] = ["n", "dob", "sex", "i", "ai"]

    /// The JSON object, members in profile order, absent members left out.
    public var json: JSONValue {
        var object = JSONObject()
        object["n"] = .string(name)
        object["dob"] = birthDate.map(JSONValue.string)
        object["sex"] = sex.map(JSONValue.string)
        object["i"] = travelDocumentNumber.map(JSONValue.string)
        object["ai"] = additionalIdentifier.map(JSONValue.string)
        return .object(object)
    }
}
