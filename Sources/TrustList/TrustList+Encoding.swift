import JSON

extension TrustList {
    /// The list as JSON (member order is irrelevant: ``encoded()`` writes it canonically).
    public var jsonValue: JSONValue {
        var object = JSONObject()
        object["version"] = .integer(Int64(formatVersion))
        // A decimal string: JSON numbers beyond 2^53 do not survive every reader.
        object["sequence"] = .string(String(sequence))
        object["issuedAt"] = .integer(issuedAt)
        object["nextUpdate"] = .integer(nextUpdate)
        object["issuers"] = .array(issuers.map(\.jsonValue))
        return .object(object)
    }

    /// The payload that is signed: the RFC 8785 canonical JSON of ``jsonValue`` (members sorted, no whitespace).
    public func encoded() -> [UInt8] {
        JSONSerializer.serialize(jsonValue, style: .canonical)
    }
}

extension TrustListIssuer {
    /// The issuer as JSON.
    var jsonValue: JSONValue {
        var object = JSONObject()
        object["id"] = .string(id)
        object["country"] = .string(country)
        object["notBefore"] = .integer(notBefore)
        object["notAfter"] = .integer(notAfter)
        object["credentialTypes"] = .array(credentialTypes.sorted().map { .string($0.rawValue) })
        object["csca"] = .array(cscaCertificates.map { .string(StandardBase64.encode($0)) })
        object["dsc"] = .array(
            documentSigners.map {
                .object(["kid": .string(Self.kid(ofCertificate: $0)), "certificate": .string(StandardBase64.encode($0))])
            })
        object["revokedKids"] = .array(revokedKids.sorted().map(JSONValue.string))
        if let shcIssuerURL {
            object["shc"] = .object(["iss": .string(shcIssuerURL), "keys": .array(shcKeys.map(JSONValue.object))])
        }
        object["vdsSignerCAs"] = .array(vdsSignerCAs.map { .string(StandardBase64.encode($0)) })
        return .object(object)
    }
}
