import JSON

/// A recovery from the disease, proven by an earlier positive test (EU DCC recovery entry).
public struct RecoveryEvent: Sendable, Hashable {
    /// Disease or agent the holder recovered from (EU DCC `tg`).
    public var disease: Coding
    /// Date of the first positive test result (EU DCC `fr`).
    public var firstPositive: CalendarDate
    /// Country of the test (EU DCC `co`).
    public var country: CountryCode
    /// Certificate valid from (EU DCC `df`).
    public var validFrom: CalendarDate
    /// Certificate valid until (EU DCC `du`).
    public var validUntil: CalendarDate

    /// Creates the value from its members; see the properties for their meaning.
    public init(
        disease: Coding, firstPositive: CalendarDate, country: CountryCode, validFrom: CalendarDate,
        validUntil: CalendarDate
    ) {
        self.disease = disease
        self.firstPositive = firstPositive
        self.country = country
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    /// Members in their documented order.
    static let members = ["disease", "firstPositive", "country", "validFrom", "validUntil"]

    static func parse(_ value: JSONValue, path: String) throws -> RecoveryEvent {
        let r = try RecordJSONReader(value, path: path, allowed: members)
        return RecoveryEvent(
            disease: try r.required("disease", Coding.parse),
            firstPositive: try r.required("firstPositive", RecordJSONReader.calendarDate),
            country: try r.required("country", RecordJSONReader.country),
            validFrom: try r.required("validFrom", RecordJSONReader.calendarDate),
            validUntil: try r.required("validUntil", RecordJSONReader.calendarDate)
        )
    }

    var jsonValue: JSONValue {
        var object = JSONObject()
        object["disease"] = disease.jsonValue
        object["firstPositive"] = .string(firstPositive.text)
        object["country"] = .string(country.code)
        object["validFrom"] = .string(validFrom.text)
        object["validUntil"] = .string(validUntil.text)
        return .object(object)
    }
}
