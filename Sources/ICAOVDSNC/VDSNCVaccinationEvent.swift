import JSON

/// One vaccine and its doses: an element of `data.msg.ve`.
public struct VDSNCVaccinationEvent: Sendable, Hashable {
    /// `des`: the vaccine or prophylaxis, an ICD-11 code of at most 6 characters (for example `XM68M6`).
    public var vaccine: String
    /// `nam`: the vaccine medicinal product (brand), as text.
    public var productName: String
    /// `dis`: the disease or agent targeted, an ICD-11 code of at most 6 characters (for example `RA01`).
    public var disease: String?
    /// `vd`: the doses given, at least one.
    public var doses: [VDSNCDose]

    /// Creates the value from its members; see the properties for their meaning.
    public init(vaccine: String, productName: String, disease: String?, doses: [VDSNCDose]) {
        self.vaccine = vaccine
        self.productName = productName
        self.disease = disease
        self.doses = doses
    }

    /// The members of a `ve` element, in the order they are written.
    static let members: [StaticString] = ["des", "nam", "dis", "vd"]

    /// The JSON object, members in profile order, absent members left out.
    public var json: JSONValue {
        var object = JSONObject()
        object["des"] = .string(vaccine)
        object["nam"] = .string(productName)
        object["dis"] = disease.map(JSONValue.string)
        object["vd"] = .array(doses.map(\.json))
        return .object(object)
    }
}
