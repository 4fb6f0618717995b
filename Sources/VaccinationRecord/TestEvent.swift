import JSON

/// One test for the disease (EU DCC test entry; DDCC:TR-like).
public struct TestEvent: Sendable, Hashable {
    /// Disease or agent targeted (EU DCC `tg`).
    public var disease: Coding
    /// Type of test, e.g. LOINC LP6464-4 (NAAT) or LP217198-3 (rapid antigen) (EU DCC `tt`).
    public var type: Coding
    /// Name of the test (NAAT) (EU DCC `nm`).
    public var name: String?
    /// Rapid antigen test device (EU DCC `ma`).
    public var device: Coding?
    /// Date and time of sample collection (EU DCC `sc`), kept as given.
    public var sampleTime: DateTime
    /// Date and time of the result (EU DCC `dr`, schema ≤ 1.1.0 only), kept as given.
    public var resultTime: DateTime?
    /// The result, e.g. SNOMED CT 260415000 (not detected) (EU DCC `tr`).
    public var result: Coding
    /// Testing centre or facility (EU DCC `tc`).
    public var centre: String?
    /// Country of the test (EU DCC `co`).
    public var country: CountryCode

    /// Creates the value from its members; see the properties for their meaning.
    public init(
        disease: Coding, type: Coding, name: String? = nil, device: Coding? = nil, sampleTime: DateTime,
        resultTime: DateTime? = nil, result: Coding, centre: String? = nil, country: CountryCode
    ) {
        self.disease = disease
        self.type = type
        self.name = name
        self.device = device
        self.sampleTime = sampleTime
        self.resultTime = resultTime
        self.result = result
        self.centre = centre
        self.country = country
    }

    /// Members in their documented order.
    static let members = [
        "disease", "type", "name", "device", "sampleTime", "resultTime", "result", "centre", "country",
    ]

    static func parse(_ value: JSONValue, path: String) throws -> TestEvent {
        let r = try RecordJSONReader(value, path: path, allowed: members)
        return TestEvent(
            disease: try r.required("disease", Coding.parse),
            type: try r.required("type", Coding.parse),
            name: try r.optional("name", RecordJSONReader.string),
            device: try r.optional("device", Coding.parse),
            sampleTime: try r.required("sampleTime", RecordJSONReader.dateTime),
            resultTime: try r.optional("resultTime", RecordJSONReader.dateTime),
            result: try r.required("result", Coding.parse),
            centre: try r.optional("centre", RecordJSONReader.string),
            country: try r.required("country", RecordJSONReader.country)
        )
    }

    var jsonValue: JSONValue {
        var object = JSONObject()
        object["disease"] = disease.jsonValue
        object["type"] = type.jsonValue
        object["name"] = name.map(JSONValue.string)
        object["device"] = device?.jsonValue
        object["sampleTime"] = .string(sampleTime.text)
        object["resultTime"] = resultTime.map { .string($0.text) }
        object["result"] = result.jsonValue
        object["centre"] = centre.map(JSONValue.string)
        object["country"] = .string(country.code)
        return .object(object)
    }
}
