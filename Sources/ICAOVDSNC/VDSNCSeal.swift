import JSON

/// A decoded VDS-NC seal: `{"data": {...}, "sig": {"alg": ..., "cer": ..., "sigvl": ...}}`.
///
/// The seal is kept as a ``JSONTape`` of the received text: the checks read its nodes, and the signature covers
/// the RFC 8785 (JCS) canonical form of `data` written from the tape, so the layout and member order of the seal
/// text do not matter.
public struct VDSNCSeal: Sendable {
    /// The parsed seal.
    let tape: JSONTape
    /// The node of the `data` object in ``tape``.
    let dataNode: Int
    /// The signed `data` object as received (built from the tape on each access).
    public var data: JSONValue { tape.value(at: dataNode) }
    /// `sig.alg`: `ES256`, `ES384` or `ES512`.
    public let algorithm: String
    /// `sig.cer`, decoded: the DER barcode signer certificate.
    public let certificateBytes: [UInt8]
    /// `sig.sigvl`, decoded: the ECDSA signature as `r || s`.
    public let signatureBytes: [UInt8]
    /// Members of the seal, `sig` or `hdr` beyond the profile's (reported by schema validation).
    public let unexpectedMembers: [String]
    /// `data.hdr.is` when it is a string: the issuing state.
    public let issuingState: String?

    /// Decodes seal text.
    ///
    /// - Throws: ``VDSNCError`` `ICAO_TOO_LARGE` beyond ``VDSNCProfile/maximumInputSize``; the `JSON_*` errors of
    ///   ``JSONParser`` (syntax, depth beyond ``VDSNCProfile/maximumDepth``, duplicate keys...);
    ///   `ICAO_INVALID_PAYLOAD` for a missing or mistyped `data`, `hdr`, `sig`, `alg`, `cer` or `sigvl` or bad
    ///   base64url; `ICAO_UNSUPPORTED_TYPE` when `hdr.t` is not `icao.vacc` or `hdr.v` is not 1.
    public init(text: Substring) throws {
        var bytes = text.utf8[...]
        while let last = bytes.last, last == 0x0A || last == 0x0D || last == 0x20 || last == 0x09 {
            bytes = bytes.dropLast()
        }
        guard bytes.count <= VDSNCProfile.maximumInputSize else {
            throw VDSNCError(
                .tooLarge, "expected a seal of at most \(VDSNCProfile.maximumInputSize) bytes, found \(bytes.count)")
        }
        let options = JSONParser.Options(maxBytes: VDSNCProfile.maximumInputSize, maxDepth: VDSNCProfile.maximumDepth)
        // One copy of the (usually contiguous) UTF-8: `Array(bytes)` would copy byte by byte.
        let copied = bytes.withContiguousStorageIfAvailable { Array($0) } ?? Array(bytes)
        try self.init(tape: JSONTape(parsing: copied, options: options))
    }

    /// Decodes a parsed seal (see ``init(text:)``).
    ///
    /// - Throws: as ``init(text:)``, and `JSON_DUPLICATE_KEY` for an object built with repeated member names.
    public init(json root: JSONValue) throws {
        try self.init(tape: JSONTape(value: root))
    }

    /// Decodes the seal held by `tape`.
    init(tape: JSONTape) throws {
        let root = tape.root
        guard tape.kind(at: root) == .object else {
            throw VDSNCError(
                .invalidPayload, "expected the seal to be a JSON object, found \(VDSNCFieldReader.kind(tape, root))")
        }
        let data = tape.member("data", of: root)
        guard let data, tape.kind(at: data) == .object else {
            throw VDSNCError(.invalidPayload, "data: expected an object, found \(VDSNCFieldReader.kind(tape, data))")
        }
        let header = tape.member("hdr", of: data)
        guard let header, tape.kind(at: header) == .object else {
            throw VDSNCError(
                .invalidPayload, "data.hdr: expected an object, found \(VDSNCFieldReader.kind(tape, header))")
        }
        let type = tape.member("t", of: header)
        guard let type, tape.isString(at: type, equalTo: VDSNCProfile.vaccinationTypeLiteral) else {
            throw VDSNCError(
                .unsupportedType,
                "data.hdr.t: expected \(VDSNCProfile.vaccinationType), found \(type.map { tape.kind(at: $0) } == .string ? "another type" : VDSNCFieldReader.kind(tape, type))"
            )
        }
        let version = tape.member("v", of: header)
        guard version.flatMap(tape.integer(at:)) == VDSNCProfile.version else {
            throw VDSNCError(
                .unsupportedType,
                "data.hdr.v: expected version \(VDSNCProfile.version), found \(version == nil ? "none" : "another value")"
            )
        }
        let signature = tape.member("sig", of: root)
        guard let signature, tape.kind(at: signature) == .object else {
            throw VDSNCError(.invalidPayload, "sig: expected an object, found \(VDSNCFieldReader.kind(tape, signature))")
        }
        func text(_ key: StaticString) throws -> String {
            let value = tape.member(key, of: signature)
            guard let value, let text = tape.string(at: value) else {
                throw VDSNCError(
                    .invalidPayload, "sig.\(key): expected a string, found \(VDSNCFieldReader.kind(tape, value))")
            }
            return text
        }
        algorithm = try text("alg")
        guard let certificate = VDSNCBase64URL.decode(try text("cer")), !certificate.isEmpty else {
            throw VDSNCError(.invalidPayload, "sig.cer: expected base64url of a DER certificate, found other text")
        }
        guard certificate.count <= VDSNCProfile.maximumCertificateSize else {
            throw VDSNCError(
                .invalidPayload,
                "sig.cer: expected a certificate of at most \(VDSNCProfile.maximumCertificateSize) bytes, found \(certificate.count)"
            )
        }
        guard let signatureValue = VDSNCBase64URL.decode(try text("sigvl")), !signatureValue.isEmpty else {
            throw VDSNCError(.invalidPayload, "sig.sigvl: expected base64url of a signature, found other text")
        }
        self.tape = tape
        self.dataNode = data
        self.certificateBytes = certificate
        self.signatureBytes = signatureValue
        self.issuingState = tape.member("is", of: header).flatMap(tape.string(at:))
        var unexpected: [String] = []
        tape.forEachMember(of: root) { key, _ in
            if !tape.isString(at: key, equalTo: "data") && !tape.isString(at: key, equalTo: "sig") { unexpected.append("seal") }
        }
        tape.forEachMember(of: signature) { key, _ in
            if !["alg", "cer", "sigvl"].contains(where: { tape.isString(at: key, equalTo: $0) }) { unexpected.append("sig") }
        }
        self.unexpectedMembers = unexpected
    }

    /// The bytes the signature covers: the RFC 8785 (JCS) canonical form of ``data``.
    public var signedBytes: [UInt8] { tape.canonicalBytes(of: dataNode) }

    /// The seal text for a `data` object and its signature zone, compact, `data` before `sig`.
    static func text(data: JSONValue, algorithm: String, certificate: [UInt8], signature: [UInt8]) -> String {
        let sig: JSONObject = [
            "alg": .string(algorithm), "cer": .string(VDSNCBase64URL.encode(certificate)),
            "sigvl": .string(VDSNCBase64URL.encode(signature)),
        ]
        return JSONSerializer.serializeToString(.object(["data": data, "sig": .object(sig)]))
    }
}
