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
    /// The header as decoded (or as it will be serialized), members in order. A parsed header builds it on
    /// access: verification reads the members above only.
    public var json: JSONObject {
        switch source {
        case .object(let object): return object
        case .parsed(let bytes):
            // Checked when the header was parsed: a JSON object without repeated names.
            let value = try? JSONParser.parse(bytes, options: .init(maxBytes: bytes.count, maxDepth: .max))
            return value?.objectValue ?? JSONObject()
        }
    }

    /// Where ``json`` comes from.
    private enum Source: Sendable {
        case object(JSONObject)
        /// A parsed header: its JSON bytes (one reference to copy with the header, where its tape held three).
        case parsed([UInt8])
    }

    private let source: Source

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
        self.source = .object(object)
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
            guard case .string(let text) = value else { throw Self.notAString(name) }
            return text
        }
        algorithm = try text("alg")
        keyID = try text("kid")
        compression = try text("zip")
        type = try text("typ")
        contentType = try text("cty")
        source = .object(object)
    }

    /// Reads a parsed header from its tape (the same rules as ``init(json:)``) without building its tree.
    init(tape: JSONTape) throws {
        guard tape.kind(at: tape.root) == .object else {
            throw JOSEError(.invalidHeader, "expected the JWS header to be a JSON object, found another JSON type")
        }
        // One pass over the members (each name read has three bytes); the tape holds no repeated names.
        var algorithm, keyID, compression, type, contentType: String?
        try tape.forEachMember(of: tape.root) { key, value in
            guard tape.utf8Count(at: key) == 3 else { return }
            let name = tape.withUTF8(at: key) { UInt32($0[0]) << 16 | UInt32($0[1]) << 8 | UInt32($0[2]) }
            func text() throws -> String {
                guard let text = tape.string(at: value) else { throw Self.notAString(tape.string(at: key) ?? "") }
                return text
            }
            switch name {
            case 0x61_6C_67: algorithm = try text()  // alg
            case 0x6B_69_64: keyID = try text()  // kid
            case 0x7A_69_70: compression = try text()  // zip
            case 0x74_79_70: type = try text()  // typ
            case 0x63_74_79: contentType = try text()  // cty
            default: break
            }
        }
        (self.algorithm, self.keyID, self.compression, self.type, self.contentType) = (algorithm, keyID, compression, type, contentType)
        source = .parsed(tape.bytes)
    }

    private static func notAString(_ name: String) -> JOSEError {
        JOSEError(.invalidHeader, "expected header member \(name) to be a string, found another JSON type")
    }

    public static func == (left: JWSHeader, right: JWSHeader) -> Bool {
        left.algorithm == right.algorithm && left.keyID == right.keyID && left.compression == right.compression
            && left.type == right.type && left.contentType == right.contentType && left.json == right.json
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(algorithm)
        hasher.combine(keyID)
        hasher.combine(json)
    }
}
