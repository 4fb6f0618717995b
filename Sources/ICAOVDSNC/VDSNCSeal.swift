import JSON

/// A decoded VDS-NC seal: `{"data": {...}, "sig": {"alg": ..., "cer": ..., "sigvl": ...}}`.
///
/// The `data` object is kept as received; the signature covers its RFC 8785 (JCS) canonical form, so the
/// layout and member order of the seal text do not matter.
public struct VDSNCSeal: Sendable {
    /// The signed `data` object as received.
    public let data: JSONValue
    /// `sig.alg`: `ES256`, `ES384` or `ES512`.
    public let algorithm: String
    /// `sig.cer`, decoded: the DER barcode signer certificate.
    public let certificateBytes: [UInt8]
    /// `sig.sigvl`, decoded: the ECDSA signature as `r || s`.
    public let signatureBytes: [UInt8]
    /// Members of the seal, `sig` or `hdr` beyond the profile's (reported by schema validation).
    public let unexpectedMembers: [String]

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
        let root = try JSONParser.parse(bytes, options: options)
        try self.init(json: root)
    }

    /// Decodes a parsed seal (see ``init(text:)``).
    public init(json root: JSONValue) throws {
        guard case .object(let seal) = root else {
            throw VDSNCError(
                .invalidPayload, "expected the seal to be a JSON object, found \(VDSNCFieldReader.kind(root))")
        }
        guard case .object(let data)? = seal["data"] else {
            throw VDSNCError(.invalidPayload, "data: expected an object, found \(VDSNCFieldReader.kind(seal["data"]))")
        }
        guard case .object(let header)? = data["hdr"] else {
            throw VDSNCError(
                .invalidPayload, "data.hdr: expected an object, found \(VDSNCFieldReader.kind(data["hdr"]))")
        }
        guard header["t"]?.stringValue == VDSNCProfile.vaccinationType else {
            throw VDSNCError(
                .unsupportedType,
                "data.hdr.t: expected \(VDSNCProfile.vaccinationType), found \(header["t"]?.stringValue == nil ? VDSNCFieldReader.kind(header["t"]) : "another type")"
            )
        }
        guard header["v"]?.integerValue == VDSNCProfile.version else {
            throw VDSNCError(
                .unsupportedType,
                "data.hdr.v: expected version \(VDSNCProfile.version), found \(header["v"] == nil ? "none" : "another value")"
            )
        }
        guard case .object(let signature)? = seal["sig"] else {
            throw VDSNCError(.invalidPayload, "sig: expected an object, found \(VDSNCFieldReader.kind(seal["sig"]))")
        }
        func text(_ key: String) throws -> String {
            guard case .string(let value)? = signature[key] else {
                throw VDSNCError(
                    .invalidPayload, "sig.\(key): expected a string, found \(VDSNCFieldReader.kind(signature[key]))")
            }
            return value
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
        self.data = .object(data)
        self.certificateBytes = certificate
        self.signatureBytes = signatureValue
        var unexpected: [String] = []
        for member in seal.members where member.key != "data" && member.key != "sig" { unexpected.append("seal") }
        for member in signature.members where member.key != "alg" && member.key != "cer" && member.key != "sigvl" {
            unexpected.append("sig")
        }
        self.unexpectedMembers = unexpected
    }

    /// The bytes the signature covers: the RFC 8785 (JCS) canonical form of ``data``.
    public var signedBytes: [UInt8] { VDSNCCanonicalJSON.bytes(of: data) }

    /// The seal text for a `data` object and its signature zone, compact, `data` before `sig`.
    static func text(data: JSONValue, algorithm: String, certificate: [UInt8], signature: [UInt8]) -> String {
        let sig: JSONObject = [
            "alg": .string(algorithm), "cer": .string(VDSNCBase64URL.encode(certificate)),
            "sigvl": .string(VDSNCBase64URL.encode(signature)),
        ]
        return JSONSerializer.serializeToString(.object(["data": data, "sig": .object(sig)]))
    }
}
