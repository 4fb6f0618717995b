import JSON

/// One element of the DCC `t` array.
public struct DCCTestEntry: Sendable, Hashable {
    /// `tg`: disease or agent targeted.
    public var targetedDisease: String
    /// `tt`: type of test (LOINC: LP6464-4 NAAT, LP217198-3 rapid antigen).
    public var testType: String
    /// `nm`: NAA test name.
    public var testName: String?
    /// `ma`: rapid antigen test device identifier (value set).
    public var testDevice: String?
    /// `sc`: date and time of sample collection.
    public var sampleTime: String
    /// `dr`: date and time of the test result (schema ≤ 1.1.0).
    public var resultTime: String?
    /// `tr`: test result (SNOMED CT: 260415000 not detected, 260373001 detected).
    public var testResult: String
    /// `tc`: testing centre (required up to schema 1.2.1).
    public var testCentre: String?
    /// `co`: country of the test.
    public var country: String
    /// `is`: certificate issuer.
    public var issuer: String
    /// `ci`: unique certificate identifier (UVCI).
    public var certificateIdentifier: String
    /// Members the schema does not define, kept in order.
    public var unknownMembers: JSONObject

    /// Creates the value from its members; see the properties for their meaning.
    public init(
        targetedDisease: String, testType: String, testName: String? = nil, testDevice: String? = nil,
        sampleTime: String, resultTime: String? = nil, testResult: String, testCentre: String? = nil,
        country: String, issuer: String, certificateIdentifier: String, unknownMembers: JSONObject = JSONObject()
    ) {
        self.targetedDisease = targetedDisease
        self.testType = testType
        self.testName = testName
        self.testDevice = testDevice
        self.sampleTime = sampleTime
        self.resultTime = resultTime
        self.testResult = testResult
        self.testCentre = testCentre
        self.country = country
        self.issuer = issuer
        self.certificateIdentifier = certificateIdentifier
        self.unknownMembers = unknownMembers
    }

    /// Members in schema order (`dr` as in schema 1.0.0–1.1.0).
    static let keys = ["tg", "tt", "nm", "ma", "sc", "dr", "tr", "tc", "co", "is", "ci"]

    init(json: JSONValue, path: String) throws {
        let r = try DCCJSONReader(json, path: path, known: Self.keys)
        self.init(
            targetedDisease: try r.string("tg"), testType: try r.string("tt"), testName: try r.optionalString("nm"),
            testDevice: try r.optionalString("ma"), sampleTime: try r.string("sc"),
            resultTime: try r.optionalString("dr"), testResult: try r.string("tr"),
            testCentre: try r.optionalString("tc"), country: try r.string("co"), issuer: try r.string("is"),
            certificateIdentifier: try r.string("ci"), unknownMembers: r.unknownMembers
        )
    }

    /// The entry in schema order, then unknown members.
    public var json: JSONValue {
        var object = JSONObject()
        object["tg"] = .string(targetedDisease)
        object["tt"] = .string(testType)
        object["nm"] = testName.map(JSONValue.string)
        object["ma"] = testDevice.map(JSONValue.string)
        object["sc"] = .string(sampleTime)
        object["dr"] = resultTime.map(JSONValue.string)
        object["tr"] = .string(testResult)
        object["tc"] = testCentre.map(JSONValue.string)
        object["co"] = .string(country)
        object["is"] = .string(issuer)
        object["ci"] = .string(certificateIdentifier)
        object.appendMissing(unknownMembers)
        return .object(object)
    }
}
