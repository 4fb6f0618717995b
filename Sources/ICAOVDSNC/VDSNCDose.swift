import JSON

/// One administered dose: an element of `data.msg.ve[].vd`.
public struct VDSNCDose: Sendable, Hashable {
    /// `dvc`: the date of vaccination, `YYYY-MM-DD`.
    public var date: String
    /// `seq`: the dose number, 1–99.
    public var sequence: Int
    /// `ctr`: the country of vaccination (ISO 3166-1 alpha-3 / Doc 9303-3 code).
    public var country: String
    /// `adm`: the administering centre, at most 20 characters.
    public var centre: String?
    /// `lot`: the lot (batch) number, at most 20 characters.
    public var lot: String?
    /// `dvn`: the due date of the next dose, `YYYY-MM-DD`.
    public var nextDoseDate: String?

    /// Creates the value from its members; see the properties for their meaning.
    public init(
        date: String, sequence: Int, country: String, centre: String? = nil, lot: String? = nil,
        nextDoseDate: String? = nil
    ) {
        self.date = date
        self.sequence = sequence
        self.country = country
        self.centre = centre
        self.lot = lot
        self.nextDoseDate = nextDoseDate
    }

    /// The members of a `vd` element, in the order they are written.
    static let members: [StaticString] = ["dvc", "seq", "ctr", "adm", "lot", "dvn"]

    /// The JSON object, members in profile order, absent members left out.
    public var json: JSONValue {
        var object = JSONObject()
        object["dvc"] = .string(date)
        object["seq"] = .integer(Int64(sequence))
        object["ctr"] = .string(country)
        object["adm"] = centre.map(JSONValue.string)
        object["lot"] = lot.map(JSONValue.string)
        object["dvn"] = nextDoseDate.map(JSONValue.string)
        return .object(object)
    }
}
