import JSON

extension TrustList {
    /// Decodes a list payload (the JWS payload bytes).
    ///
    /// Only the canonical encoding is accepted: the bytes must be exactly ``encoded()`` of the list they
    /// describe (members sorted, no whitespace, no unknown members, sets sorted and without repeats). The list is
    /// then checked with ``validate(limits:)``.
    ///
    /// - Throws: ``TrustListError`` `TRUST_LIST_TOO_LARGE` (bytes, nesting depth or counts beyond `limits`),
    ///   `TRUST_LIST_UNSUPPORTED_VERSION`, `TRUST_LIST_MALFORMED` for anything else.
    public init(payload bytes: some Collection<UInt8>, limits: TrustListLimits = .default) throws {
        let count = bytes.count
        guard count <= limits.maximumBytes else {
            throw TrustListError(.tooLarge, "expected a payload of at most \(limits.maximumBytes) bytes, found \(count)")
        }
        let payload = Array(bytes)
        let json: JSONValue
        do {
            json = try JSONParser.parse(payload, options: .init(maxBytes: limits.maximumBytes, maxDepth: limits.maximumDepth))
        } catch let error as JSONError {
            let code: TrustListError.Code = error.errorCode == .tooDeep || error.errorCode == .tooLarge ? .tooLarge : .malformed
            throw TrustListError(code, "expected a JSON payload: \(error.code) \(error.message)")
        }
        let root = try PayloadReader(json, path: "list")
        let version = try root.integer("version")
        guard version == Int64(Self.currentFormatVersion) else {
            throw TrustListError(.unsupportedVersion, "expected format version \(Self.currentFormatVersion), found \(version)")
        }
        let sequenceText = try root.string("sequence")
        guard let sequence = UInt64(sequenceText), String(sequence) == sequenceText else {
            throw PayloadReader.malformed("expected list.sequence to be a decimal UInt64 without leading zeros, found another value")
        }
        let issuerValues = try root.array("issuers")
        guard issuerValues.count <= limits.maximumIssuers else {
            throw TrustListError(.tooLarge, "expected at most \(limits.maximumIssuers) issuers, found \(issuerValues.count)")
        }
        var issuers: [TrustListIssuer] = []
        for (index, value) in issuerValues.enumerated() {
            issuers.append(try TrustListIssuer(json: value, path: "issuers[\(index)]"))
        }
        self.init(
            sequence: sequence, issuedAt: try root.integer("issuedAt"), nextUpdate: try root.integer("nextUpdate"),
            issuers: issuers)
        do {
            try validate(limits: limits)
        } catch let error as TrustListError where error.errorCode == .invalid {
            throw TrustListError(.malformed, error.message)
        }
        guard encoded() == payload else {
            throw PayloadReader.malformed(
                "expected the canonical encoding (sorted members, no whitespace, no unknown members, sorted sets), found another")
        }
    }
}

extension TrustListIssuer {
    /// Reads one issuer object of a list payload.
    init(json: JSONValue, path: String) throws {
        let reader = try PayloadReader(json, path: path)
        var types = Set<TrustedCredentialType>()
        for (index, name) in try reader.strings("credentialTypes").enumerated() {
            guard let type = TrustedCredentialType(rawValue: name) else {
                throw PayloadReader.malformed("expected \(path).credentialTypes[\(index)] to be a known type, found another")
            }
            types.insert(type)
        }
        var signers: [[UInt8]] = []
        for (index, entry) in try reader.array("dsc").enumerated() {
            let dsc = try PayloadReader(entry, path: "\(path).dsc[\(index)]")
            guard let der = StandardBase64.decode(try dsc.string("certificate")) else {
                throw PayloadReader.malformed("expected \(path).dsc[\(index)].certificate to be canonical base64, found another value")
            }
            guard try dsc.string("kid") == Self.kid(ofCertificate: der) else {
                throw PayloadReader.malformed("expected \(path).dsc[\(index)].kid to be the kid of its certificate, found another")
            }
            signers.append(der)
        }
        var url: String?
        var keys: [JSONObject] = []
        if reader.object["shc"] != nil {
            let shc = try PayloadReader(try reader.value("shc"), path: "\(path).shc")
            url = try shc.string("iss")
            keys = try shc.array("keys").enumerated().map { index, key in
                guard case .object(let object) = key else {
                    throw PayloadReader.malformed("expected \(path).shc.keys[\(index)] to be an object, found another JSON type")
                }
                return object
            }
        }
        self.init(
            id: try reader.string("id"), country: try reader.string("country"), notBefore: try reader.integer("notBefore"),
            notAfter: try reader.integer("notAfter"), credentialTypes: types,
            cscaCertificates: try reader.base64Certificates("csca"), documentSigners: signers,
            revokedKids: Set(try reader.strings("revokedKids")), shcIssuerURL: url, shcKeys: keys,
            vdsSignerCAs: try reader.base64Certificates("vdsSignerCAs"))
    }
}
