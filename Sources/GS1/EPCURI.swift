/// EPC pure identity URIs (`urn:epc:id:...`), EPC class URIs (`urn:epc:class:lgtin:...`) and EPC ID pattern URIs
/// (`urn:epc:idpat:...:*`) as used in EPCIS, converted to and from GS1 Digital Link (GS1 Tag Data Standard).
public struct EPCURI: Hashable, Sendable, CustomStringConvertible {
    /// Maximum URI length accepted by ``parse(_:)``.
    public static let maxLength = 256

    /// The URI text.
    public let uri: String
    /// The scheme, e.g. `sgtin`, `lgtin`, `sgln`, `sscc`.
    public let scheme: String
    /// The company prefix digits.
    public let companyPrefix: String
    /// The same identifier as a Digital Link (for ID patterns: the class-level key only).
    public let digitalLink: GS1DigitalLink

    /// The URI text.
    public var description: String { uri }
    /// The company prefix length (6 to 12).
    public var companyPrefixLength: Int { companyPrefix.utf8.count }
}

extension EPCURI {
    /// SGTIN URI `urn:epc:id:sgtin:{CP}.{indicator+item ref}.{serial}` for a GTIN and serial.
    public static func sgtin(gtin: GTIN, serial: String, companyPrefixLength: Int) throws(GS1Error) -> EPCURI {
        _ = try GS1Element(.serial, serial)
        let (cp, ref) = try splitGTIN(gtin, companyPrefixLength)
        return try parse("urn:epc:id:sgtin:\(cp).\(ref).\(escape(serial))")
    }

    /// LGTIN class URI `urn:epc:class:lgtin:{CP}.{indicator+item ref}.{lot}` for a GTIN and lot.
    public static func lgtin(gtin: GTIN, lot: String, companyPrefixLength: Int) throws(GS1Error) -> EPCURI {
        _ = try GS1Element(.batchLot, lot)
        let (cp, ref) = try splitGTIN(gtin, companyPrefixLength)
        return try parse("urn:epc:class:lgtin:\(cp).\(ref).\(escape(lot))")
    }

    /// SGLN URI `urn:epc:id:sgln:{CP}.{location ref}.{extension}`; extension `0` means none.
    public static func sgln(gln: String, extension ext: String? = nil, companyPrefixLength: Int) throws(GS1Error) -> EPCURI {
        _ = try GS1Element(.locationGLN, gln)
        if let ext { _ = try GS1Element(.glnExtension, ext) }
        try checkPrefixLength(companyPrefixLength)
        let body = gln.dropLast()
        return try parse(
            "urn:epc:id:sgln:\(body.prefix(companyPrefixLength)).\(body.dropFirst(companyPrefixLength)).\(escape(ext ?? "0"))")
    }

    /// SSCC URI `urn:epc:id:sscc:{CP}.{extension digit+serial ref}`.
    public static func sscc(_ sscc: String, companyPrefixLength: Int) throws(GS1Error) -> EPCURI {
        _ = try GS1Element(.sscc, sscc)
        try checkPrefixLength(companyPrefixLength)
        let body = sscc.dropLast()
        let cp = body.dropFirst().prefix(companyPrefixLength)
        let ref = String(body.prefix(1)) + body.dropFirst(1 + companyPrefixLength)
        return try parse("urn:epc:id:sscc:\(cp).\(ref)")
    }

    /// The EPC URI for a Digital Link with GTIN+serial (SGTIN), GTIN+lot (LGTIN), GLN (SGLN) or SSCC.
    public static func from(_ link: GS1DigitalLink, companyPrefixLength: Int) throws(GS1Error) -> EPCURI {
        let key = link.primaryKey
        switch key.ai.code {
        case "01":
            let gtin = try GTIN(key.value)
            if let serial = link.qualifiers.first(where: { $0.ai.code == "21" }) {
                return try sgtin(gtin: gtin, serial: serial.value, companyPrefixLength: companyPrefixLength)
            }
            if let lot = link.qualifiers.first(where: { $0.ai.code == "10" }) {
                return try lgtin(gtin: gtin, lot: lot.value, companyPrefixLength: companyPrefixLength)
            }
            throw GS1Error(.invalidEPCURI, "expected a serial (21) or lot (10) with the GTIN for an EPC URI")
        case "414":
            let ext = link.qualifiers.first { $0.ai.code == "254" }?.value
            return try sgln(gln: key.value, extension: ext, companyPrefixLength: companyPrefixLength)
        case "00":
            return try sscc(key.value, companyPrefixLength: companyPrefixLength)
        default:
            throw GS1Error(.invalidEPCURI, "expected AI 01, 414 or 00 for an EPC URI, found AI \(key.ai.code)")
        }
    }

    private static func checkPrefixLength(_ length: Int) throws(GS1Error) {
        guard (6...12).contains(length) else {
            throw GS1Error(.invalidEPCURI, "expected a company prefix length of 6 to 12, found \(length)")
        }
    }

    private static func splitGTIN(_ gtin: GTIN, _ length: Int) throws(GS1Error) -> (String, String) {
        try checkPrefixLength(length)
        let body = gtin.digits.dropLast()
        let cp = body.dropFirst().prefix(length)
        return (String(cp), String(body.prefix(1)) + body.dropFirst(1 + length))
    }

    /// Escapes a serial/lot for an EPC URI component (Tag Data Standard table A-1): `"`, `%`, `&`, `/`, `<`, `>`, `?`
    /// and any other character outside the URI-safe subset of GS1 set 82 become `%XX`.
    static func escape(_ value: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in value.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "!"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"),
                UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "="):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
