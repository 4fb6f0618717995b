import JSON

/// The JWT claims of a SMART Health Card: `iss`, `nbf`, optional `exp`, and the `vc` envelope.
///
/// Reading is tolerant where the spec says so (unknown `vc.type` entries are ignored, `nbf`/`exp` may be
/// fractional) and keeps the whole JSON (``json``) so that nothing is lost.
public struct SHCPayload: Sendable {
    /// The type every SMART Health Card must list in `vc.type`.
    public static let healthCardType = healthCardTypeText.description
    /// ``healthCardType`` for byte-wise comparisons.
    static let healthCardTypeText: StaticString = "https://smarthealth.cards#health-card"

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
        // Read through the payload's tape, as verification reads it: one set of checks and messages.
        let tape: JSONTape
        do {
            tape = try JSONTape(value: json)
        } catch {
            throw SHCError(.schema, "expected the payload without repeated member names, found repeats")
        }
        let claims = try SHCClaims(tape: tape)
        self.init(
            claims: claims, in: tape, fhirBundle: json["vc"]?["credentialSubject"]?["fhirBundle"] ?? tape.value(at: claims.bundle))
    }

    /// The payload of claims already read from `tape`, with the bundle's tree.
    init(claims: SHCClaims, in tape: JSONTape, fhirBundle: JSONValue) {
        self.init(
            issuer: claims.issuer(in: tape), notBefore: claims.notBefore, expires: claims.expires, types: claims.types(in: tape),
            revocationID: claims.revocationID, fhirVersion: claims.fhirVersion, fhirBundle: fhirBundle)
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
    public var hasValidIssuerURL: Bool { Self.isValidIssuerURL(issuer) }

    /// Whether `issuer` is an https URL without a trailing slash (and without whitespace, query or fragment).
    static func isValidIssuerURL(_ issuer: String) -> Bool {
        var issuer = issuer
        return issuer.withUTF8(isValidIssuerURL(bytes:))
    }

    /// Whether the UTF-8 `bytes` are an https URL without a trailing slash (and without whitespace, query or
    /// fragment).
    static func isValidIssuerURL(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let scheme: StaticString = "https://"
        guard bytes.count > scheme.utf8CodeUnitCount, bytes.last != UInt8(ascii: "/"),
            bytes.prefix(scheme.utf8CodeUnitCount).elementsEqual(UnsafeBufferPointer(start: scheme.utf8Start, count: scheme.utf8CodeUnitCount))
        else { return false }
        return !bytes.contains { $0 <= 0x20 || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") || $0 >= 0x7F }
    }
}
