import JSON

/// Metadata of the certificate (DDCC:VS `certificate`): issuer, health certificate identifier and more.
public struct CertificateInfo: Sendable, Hashable {
    /// The issuing organisation (DDCC `certificate.issuer`; EU DCC `is`).
    public var issuer: String
    /// The Health Certificate Identifier (DDCC `certificate.hcid`; EU DCC `ci`, the UVCI).
    /// Optional on input: an issuer assigns one (a UVCI with a check character) when it is absent.
    public var hcid: String?
    /// The key identifier used to verify the signature (DDCC `certificate.kid`).
    public var kid: String?
    /// The certificate schema version (DDCC `certificate.version`; EU DCC `ver` when decoded from a DCC).
    public var version: String?
    /// The validity period of the certificate (DDCC `certificate.period`).
    public var period: CertificatePeriod?

    /// Creates the value from its members; see the properties for their meaning.
    public init(
        issuer: String, hcid: String? = nil, kid: String? = nil, version: String? = nil, period: CertificatePeriod? = nil
    ) {
        self.issuer = issuer
        self.hcid = hcid
        self.kid = kid
        self.version = version
        self.period = period
    }

    static let members = ["issuer", "hcid", "kid", "version", "period"]

    static func parse(_ value: JSONValue, path: String) throws -> CertificateInfo {
        let reader = try RecordJSONReader(value, path: path, allowed: members)
        return CertificateInfo(
            issuer: try reader.required("issuer", RecordJSONReader.string),
            hcid: try reader.optional("hcid", RecordJSONReader.string),
            kid: try reader.optional("kid", RecordJSONReader.string),
            version: try reader.optional("version", RecordJSONReader.string),
            period: try reader.optional("period", CertificatePeriod.parse)
        )
    }

    var jsonValue: JSONValue {
        var object = JSONObject()
        object["issuer"] = .string(issuer)
        object["hcid"] = hcid.map(JSONValue.string)
        object["kid"] = kid.map(JSONValue.string)
        object["version"] = version.map(JSONValue.string)
        object["period"] = period?.jsonValue
        return .object(object)
    }
}

/// A validity period: `{"start": date-time, "end": date-time}`, either end optional.
public struct CertificatePeriod: Sendable, Hashable {
    /// Valid from.
    public var start: DateTime?
    /// Valid until.
    public var end: DateTime?

    /// Creates a period; either end may be open.
    public init(start: DateTime? = nil, end: DateTime? = nil) {
        self.start = start
        self.end = end
    }

    static func parse(_ value: JSONValue, path: String) throws -> CertificatePeriod {
        let reader = try RecordJSONReader(value, path: path, allowed: ["start", "end"])
        return CertificatePeriod(
            start: try reader.optional("start", RecordJSONReader.dateTime),
            end: try reader.optional("end", RecordJSONReader.dateTime)
        )
    }

    var jsonValue: JSONValue {
        var object = JSONObject()
        object["start"] = start.map { .string($0.text) }
        object["end"] = end.map { .string($0.text) }
        return .object(object)
    }
}
