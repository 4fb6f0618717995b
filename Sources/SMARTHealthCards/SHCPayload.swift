import JSON

/// The JWT claims of a SMART Health Card: `iss`, `nbf`, optional `exp`, and the `vc` envelope.
///
/// Reading is tolerant where the spec says so (unknown `vc.type` entries are ignored, `nbf`/`exp` may be
/// fractional) and keeps the whole JSON (``json``) so that nothing is lost.
public struct SHCPayload: Sendable {
    /// The type every SMART Health Card must list in `vc.type`.
    public static let healthCardType = "https://smarthealth.cards#health-card"

    /// `iss`: the issuer's base URL.
    public var issuer: String
    /// `nbf`: issuance time, seconds since 1970 (may be fractional).
    public var notBefore: Double
    /// `exp`: expiry, seconds since 1970, when the card expires.
    public var expires: Double?
    /// `vc.type`, as listed.
    public var types: [String]
    /// `vc.rid`: the revocation identifier, when present.
    public var revocationID: String?
    /// `vc.credentialSubject.fhirVersion`.
    public var fhirVersion: String
    /// `vc.credentialSubject.fhirBundle`.
    public var fhirBundle: JSONValue

    /// Creates claims for issuing.
    public init(
        issuer: String, notBefore: Double, expires: Double? = nil, types: [String] = [SHCPayload.healthCardType],
        revocationID: String? = nil, fhirVersion: String = "4.0.1", fhirBundle: JSONValue
    ) {
        self.issuer = issuer
        self.notBefore = notBefore
        self.expires = expires
        self.types = types
        self.revocationID = revocationID
        self.fhirVersion = fhirVersion
        self.fhirBundle = fhirBundle
    }

    /// Reads the claims of a decoded payload.
    ///
    /// - Throws: ``SHCError`` `SHC_SCHEMA` for a missing or mistyped `iss`, `nbf`, `exp`, `vc`, `vc.type`,
    ///   `vc.rid` or `credentialSubject` member, or a `vc.type` without ``healthCardType``.
    public init(json: JSONValue) throws {
        guard case .object(let claims) = json else {
            throw SHCError(.schema, "expected the payload to be a JSON object, found another JSON type")
        }
        guard case .string(let issuer) = claims["iss"] ?? .null else {
            throw SHCError(.schema, "expected iss to be a string, found \(Self.kind(claims["iss"]))")
        }
        guard let notBefore = claims["nbf"]?.doubleValue else {
            throw SHCError(.schema, "expected nbf to be a number, found \(Self.kind(claims["nbf"]))")
        }
        var expires: Double?
        if let exp = claims["exp"] {
            guard let value = exp.doubleValue else {
                throw SHCError(.schema, "expected exp to be a number, found \(Self.kind(exp))")
            }
            expires = value
        }
        guard case .object(let vc) = claims["vc"] ?? .null else {
            throw SHCError(.schema, "expected vc to be an object, found \(Self.kind(claims["vc"]))")
        }
        guard case .array(let typeValues) = vc["type"] ?? .null else {
            throw SHCError(.schema, "expected vc.type to be an array, found \(Self.kind(vc["type"]))")
        }
        let types = try typeValues.map { value -> String in
            guard case .string(let text) = value else {
                throw SHCError(.schema, "expected vc.type entries to be strings, found \(Self.kind(value))")
            }
            return text
        }
        guard types.contains(Self.healthCardType) else {
            throw SHCError(.schema, "expected vc.type to contain \(Self.healthCardType), found it missing")
        }
        var revocationID: String?
        if let rid = vc["rid"] {
            guard case .string(let text) = rid else {
                throw SHCError(.schema, "expected vc.rid to be a string, found \(Self.kind(rid))")
            }
            revocationID = text
        }
        guard case .object(let subject) = vc["credentialSubject"] ?? .null else {
            throw SHCError(.schema, "expected vc.credentialSubject to be an object, found \(Self.kind(vc["credentialSubject"]))")
        }
        guard case .string(let fhirVersion) = subject["fhirVersion"] ?? .null else {
            throw SHCError(.schema, "expected credentialSubject.fhirVersion to be a string, found \(Self.kind(subject["fhirVersion"]))")
        }
        guard let bundle = subject["fhirBundle"], case .object = bundle else {
            throw SHCError(.schema, "expected credentialSubject.fhirBundle to be an object, found \(Self.kind(subject["fhirBundle"]))")
        }
        self.init(
            issuer: issuer, notBefore: notBefore, expires: expires, types: types, revocationID: revocationID,
            fhirVersion: fhirVersion, fhirBundle: bundle)
    }

    /// The claims as JSON, in the order of the spec examples: `iss`, `nbf`, `exp`, `vc` (`type`,
    /// `credentialSubject`, `rid`). Whole-second times are written as integers.
    public var json: JSONValue {
        func number(_ value: Double) -> JSONValue {
            value == value.rounded() && abs(value) < 1e15 ? .integer(Int64(value)) : .double(value)
        }
        var vc = JSONObject()
        vc["type"] = .array(types.map(JSONValue.string))
        vc["credentialSubject"] = .object(["fhirVersion": .string(fhirVersion), "fhirBundle": fhirBundle])
        vc["rid"] = revocationID.map(JSONValue.string)
        var claims = JSONObject()
        claims["iss"] = .string(issuer)
        claims["nbf"] = number(notBefore)
        claims["exp"] = expires.map(number)
        claims["vc"] = .object(vc)
        return .object(claims)
    }

    /// Whether `iss` is an https URL without a trailing slash (and without whitespace, query or fragment).
    public var hasValidIssuerURL: Bool {
        // Over the contiguous UTF-8 (no copy into an array): this runs for every verification.
        var issuer = issuer
        return issuer.withUTF8 { bytes in
            let scheme: StaticString = "https://"
            guard bytes.count > scheme.utf8CodeUnitCount, bytes.last != UInt8(ascii: "/"),
                bytes.prefix(scheme.utf8CodeUnitCount).elementsEqual(UnsafeBufferPointer(start: scheme.utf8Start, count: scheme.utf8CodeUnitCount))
            else { return false }
            return !bytes.contains { $0 <= 0x20 || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") || $0 >= 0x7F }
        }
    }

    static func kind(_ value: JSONValue?) -> String {
        switch value {
        case nil: return "none"
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer, .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
