import JSON

/// The protected header of a JWS (RFC 7515 section 4): the members OpenDVC reads, plus the full JSON object.
///
/// Unknown members are kept in ``json`` and ignored; `crit` is rejected by ``CompactJWS`` because no
/// extension is understood.
public struct JWSHeader: Sendable, Hashable {
    /// `alg`: the signature algorithm (only `ES256` verifies).
    public var algorithm: String?
    /// `kid`: the key identifier.
    public var keyID: String?
    /// `zip`: payload compression (`DEF` = raw DEFLATE, as SMART Health Cards use it).
    public var compression: String?
    /// `typ`: the media type of the whole JWS (for example `JWT` or `vc+jwt`).
    public var type: String?
    /// `cty`: the media type of the payload.
    public var contentType: String?
    /// The header as decoded (or as it will be serialized), members in order.
    public private(set) var json: JSONObject

    /// Creates a header for signing; members are written in the order `zip`, `alg`, `kid`, `typ`, `cty`,
    /// then `additional` (whose keys must not repeat those).
    public init(
        algorithm: String = "ES256", keyID: String? = nil, compression: String? = nil, type: String? = nil,
        contentType: String? = nil, additional: JSONObject = JSONObject()
    ) {
        self.algorithm = algorithm
        self.keyID = keyID
        self.compression = compression
        self.type = type
        self.contentType = contentType
        var object = JSONObject()
        object["zip"] = compression.map(JSONValue.string)
        object["alg"] = .string(algorithm)
        object["kid"] = keyID.map(JSONValue.string)
        object["typ"] = type.map(JSONValue.string)
        object["cty"] = contentType.map(JSONValue.string)
        for member in additional.members where object[member.key] == nil {
            object[member.key] = member.value
        }
        self.json = object
    }

    /// Reads a decoded header object.
    ///
    /// - Throws: ``JOSEError`` `JWS_HEADER_INVALID` when it is not an object or a known member is not a string.
    public init(json: JSONValue) throws {
        guard case .object(let object) = json else {
            throw JOSEError(.invalidHeader, "expected the JWS header to be a JSON object, found another JSON type")
        }
        func text(_ name: String) throws -> String? {
            guard let value = object[name] else { return nil }
            guard case .string(let text) = value else {
                throw JOSEError(.invalidHeader, "expected header member \(name) to be a string, found another JSON type")
            }
            return text
        }
        algorithm = try text("alg")
        keyID = try text("kid")
        compression = try text("zip")
        type = try text("typ")
        contentType = try text("cty")
        self.json = object
    }
}
