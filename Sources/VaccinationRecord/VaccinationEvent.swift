import JSON

/// One vaccination (DDCC:VS `vaccination`).
public struct VaccinationEvent: Sendable, Hashable {
    /// Disease or agent targeted (DDCC `vaccination.disease`; EU DCC `tg`).
    public var disease: Coding?
    /// Vaccine or prophylaxis type (DDCC `vaccination.vaccine`; EU DCC `vp`).
    public var vaccine: Coding
    /// Medicinal product / brand (DDCC `vaccination.brand`; EU DCC `mp`).
    public var brand: Coding
    /// Manufacturer (DDCC `vaccination.manufacturer`).
    public var manufacturer: Coding?
    /// Marketing authorisation holder (DDCC `vaccination.maholder`).
    public var maholder: Coding?
    /// Lot / batch number (DDCC `vaccination.lot`; not carried by the EU DCC).
    public var lot: String?
    /// Date of vaccination (EU DCC `dt`).
    public var date: CalendarDate
    /// Dose number, ≥ 1 (EU DCC `dn`).
    public var dose: Int
    /// Doses in the series, ≥ 1 (EU DCC `sd`).
    public var totalDoses: Int?
    /// Country of vaccination (EU DCC `co`).
    public var country: CountryCode
    /// Administering centre (name).
    public var centre: String?
    /// Health worker identifier.
    public var practitioner: RecordIdentifier?
    /// Date from which the dose counts as valid.
    public var validFrom: CalendarDate?
    /// Due date of the next dose.
    public var nextDose: CalendarDate?

    /// Creates the value from its members; see the properties for their meaning.
    public init(
        disease: Coding?, vaccine: Coding, brand: Coding, manufacturer: Coding? = nil, maholder: Coding? = nil,
        lot: String? = nil, date: CalendarDate, dose: Int, totalDoses: Int? = nil, country: CountryCode,
        centre: String? = nil, practitioner: RecordIdentifier? = nil, validFrom: CalendarDate? = nil,
        nextDose: CalendarDate? = nil
    ) {
        self.disease = disease
        self.vaccine = vaccine
        self.brand = brand
        self.manufacturer = manufacturer
        self.maholder = maholder
        self.lot = lot
        self.date = date
        self.dose = dose
        self.totalDoses = totalDoses
        self.country = country
        self.centre = centre
        self.practitioner = practitioner
        self.validFrom = validFrom
        self.nextDose = nextDose
    }

    /// Members in their documented order.
    static let members = [
        "disease", "vaccine", "brand", "manufacturer", "maholder", "lot", "date", "dose", "totalDoses", "country",
        "centre", "practitioner", "validFrom", "nextDose",
    ]

    static func parse(_ value: JSONValue, path: String) throws -> VaccinationEvent {
        let r = try RecordJSONReader(value, path: path, allowed: members)
        return VaccinationEvent(
            disease: try r.optional("disease", Coding.parse),
            vaccine: try r.required("vaccine", Coding.parse),
            brand: try r.required("brand", Coding.parse),
            manufacturer: try r.optional("manufacturer", Coding.parse),
            maholder: try r.optional("maholder", Coding.parse),
            lot: try r.optional("lot", RecordJSONReader.string),
            date: try r.required("date", RecordJSONReader.calendarDate),
            dose: try r.required("dose", RecordJSONReader.integer),
            totalDoses: try r.optional("totalDoses", RecordJSONReader.integer),
            country: try r.required("country", RecordJSONReader.country),
            centre: try r.optional("centre", RecordJSONReader.string),
            practitioner: try r.optional("practitioner", RecordIdentifier.parse),
            validFrom: try r.optional("validFrom", RecordJSONReader.calendarDate),
            nextDose: try r.optional("nextDose", RecordJSONReader.calendarDate)
        )
    }

    var jsonValue: JSONValue {
        var object = JSONObject()
        object["disease"] = disease?.jsonValue
        object["vaccine"] = vaccine.jsonValue
        object["brand"] = brand.jsonValue
        object["manufacturer"] = manufacturer?.jsonValue
        object["maholder"] = maholder?.jsonValue
        object["lot"] = lot.map(JSONValue.string)
        object["date"] = .string(date.text)
        object["dose"] = .integer(Int64(dose))
        object["totalDoses"] = totalDoses.map { .integer(Int64($0)) }
        object["country"] = .string(country.code)
        object["centre"] = centre.map(JSONValue.string)
        object["practitioner"] = practitioner?.jsonValue
        object["validFrom"] = validFrom.map { .string($0.text) }
        object["nextDose"] = nextDose.map { .string($0.text) }
        return .object(object)
    }
}
