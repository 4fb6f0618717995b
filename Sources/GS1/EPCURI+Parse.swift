extension EPCURI {
    /// Parses an EPC URI of a supported scheme and converts it to a Digital Link.
    ///
    /// Supported: `urn:epc:id:` sgtin, sscc, sgln, grai, giai, gsrn, gsrnp, gdti, cpi, sgcn, ginc, gsin, itip, upui,
    /// pgln; `urn:epc:class:lgtin`; `urn:epc:idpat:` sgtin, grai, gdti, sgcn, cpi, itip, upui (with `*`).
    public static func parse(_ uri: String) throws(GS1Error) -> EPCURI {
        guard uri.utf8.count <= maxLength else {
            throw GS1Error(.tooLarge, "expected an EPC URI of at most \(maxLength) bytes, found \(uri.utf8.count)")
        }
        let kind: String
        let rest: Substring
        if uri.hasPrefix("urn:epc:id:") {
            kind = "id"
            rest = uri.dropFirst(11)
        } else if uri.hasPrefix("urn:epc:class:") {
            kind = "class"
            rest = uri.dropFirst(14)
        } else if uri.hasPrefix("urn:epc:idpat:") {
            kind = "idpat"
            rest = uri.dropFirst(14)
        } else {
            throw GS1Error(.invalidEPCURI, "expected urn:epc:id:, urn:epc:class: or urn:epc:idpat:")
        }
        guard let colon = rest.firstIndex(of: ":") else { throw GS1Error(.invalidEPCURI, "expected scheme:body") }
        let scheme = String(rest[..<colon])
        let body = String(rest[rest.index(after: colon)...])
        let fields = body.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let cp = fields.first, (6...12).contains(cp.utf8.count), GS1CheckDigit.isAllDigits(cp) else {
            throw GS1Error(.invalidEPCURI, "expected a company prefix of 6 to 12 digits in the \(scheme) URI")
        }
        let link = try digitalLink(kind: kind, scheme: scheme, cp: cp, fields: fields)
        return EPCURI(uri: uri, scheme: scheme, companyPrefix: cp, digitalLink: link)
    }

    private static func digitalLink(kind: String, scheme: String, cp: String, fields: [String]) throws(GS1Error)
        -> GS1DigitalLink
    {
        func field(_ i: Int) throws(GS1Error) -> String {
            guard i < fields.count else { throw GS1Error(.invalidEPCURI, "expected field \(i + 1) in the \(scheme) URI") }
            return fields[i]
        }
        /// Digits field such that company prefix + field has `total` digits (may be empty when total is reached).
        func reference(_ i: Int, total: Int) throws(GS1Error) -> String {
            let value = try field(i)
            guard cp.utf8.count + value.utf8.count == total, value.isEmpty || GS1CheckDigit.isAllDigits(value) else {
                throw GS1Error(
                    .invalidEPCURI, "expected company prefix and reference of \(total) digits in the \(scheme) URI")
            }
            return value
        }
        /// The remainder from field `i` on (it may contain dots), percent-decoded.
        func tail(_ i: Int) throws(GS1Error) -> String {
            guard i < fields.count else { throw GS1Error(.invalidEPCURI, "expected field \(i + 1) in the \(scheme) URI") }
            return try GS1DigitalLink.percentDecode(fields[i...].joined(separator: "."))
        }
        func withCheck(_ digits: String) throws(GS1Error) -> String {
            guard let check = GS1CheckDigit.compute(for: digits) else { throw GS1Error(.invalidEPCURI, "expected digits") }
            return digits + String(check)
        }
        func gtin(_ ref: String) throws(GS1Error) -> String {
            try withCheck(String(ref.prefix(1)) + cp + ref.dropFirst())
        }
        func expectCount(_ n: Int) throws(GS1Error) {
            guard fields.count == n else {
                throw GS1Error(.invalidEPCURI, "expected \(n) dot-separated fields in the \(scheme) URI, found \(fields.count)")
            }
        }
        func pattern(_ i: Int) throws(GS1Error) {
            try expectCount(i + 1)
            guard fields[i] == "*" else { throw GS1Error(.invalidEPCURI, "expected '*' at the end of the \(scheme) pattern") }
        }
        func link(_ key: ApplicationIdentifier, _ value: String, _ qualifiers: [(ApplicationIdentifier, String)] = [])
            throws(GS1Error) -> GS1DigitalLink
        {
            var elements: [GS1Element] = []
            for (ai, v) in qualifiers { elements.append(try GS1Element(ai, v)) }
            return try GS1DigitalLink(primaryKey: GS1Element(key, value), qualifiers: elements)
        }

        switch (kind, scheme) {
        case ("id", "sgtin"):
            return try link(.gtin, gtin(reference(1, total: 13)), [(.serial, tail(2))])
        case ("class", "lgtin"):
            return try link(.gtin, gtin(reference(1, total: 13)), [(.batchLot, tail(2))])
        case ("id", "upui"):
            return try link(.gtin, gtin(reference(1, total: 13)), [(.tpx, tail(2))])
        case ("idpat", "sgtin"), ("idpat", "upui"):
            try pattern(2)
            return try link(.gtin, gtin(reference(1, total: 13)))
        case ("id", "sscc"):
            try expectCount(2)
            return try link(.sscc, gtin(reference(1, total: 17)))
        case ("id", "sgln"):
            let gln = try withCheck(cp + reference(1, total: 12))
            let ext = try tail(2)
            return try link(.locationGLN, gln, ext == "0" ? [] : [(.glnExtension, ext)])
        case ("id", "pgln"):
            try expectCount(2)
            return try link(.partyGLN, withCheck(cp + reference(1, total: 12)))
        case ("id", "grai"):
            return try link(.grai, withCheck("0" + cp + reference(1, total: 12)) + tail(2))
        case ("idpat", "grai"):
            try pattern(2)
            return try link(.grai, withCheck("0" + cp + reference(1, total: 12)))
        case ("id", "giai"):
            return try link(.giai, cp + tail(1))
        case ("id", "ginc"):
            return try link(.ginc, cp + tail(1))
        case ("id", "gsrn"):
            try expectCount(2)
            return try link(.gsrnRecipient, withCheck(cp + reference(1, total: 17)))
        case ("id", "gsrnp"):
            try expectCount(2)
            return try link(.gsrnProvider, withCheck(cp + reference(1, total: 17)))
        case ("id", "gsin"):
            try expectCount(2)
            return try link(.gsin, withCheck(cp + reference(1, total: 16)))
        case ("id", "gdti"):
            return try link(.gdti, withCheck(cp + reference(1, total: 12)) + tail(2))
        case ("idpat", "gdti"):
            try pattern(2)
            return try link(.gdti, withCheck(cp + reference(1, total: 12)))
        case ("id", "sgcn"):
            return try link(.gcn, withCheck(cp + reference(1, total: 12)) + tail(2))
        case ("idpat", "sgcn"):
            try pattern(2)
            return try link(.gcn, withCheck(cp + reference(1, total: 12)))
        case ("id", "cpi"):
            guard fields.count >= 3, let serial = fields.last else { throw GS1Error(.invalidEPCURI, "expected cpi serial") }
            let cpr = try GS1DigitalLink.percentDecode(fields[1..<(fields.count - 1)].joined(separator: "."))
            return try link(.cpid, cp + cpr, [(.cpidSerial, serial)])
        case ("idpat", "cpi"):
            try pattern(2)
            return try link(.cpid, cp + GS1DigitalLink.percentDecode(field(1)))
        case ("id", "itip"):
            let ref = try reference(1, total: 13)
            let piece = try field(2)
            let total = try field(3)
            return try link(.itip, gtin(ref) + piece + total, [(.serial, tail(4))])
        case ("idpat", "itip"):
            try pattern(4)
            return try link(.itip, gtin(reference(1, total: 13)) + field(2) + field(3))
        default:
            throw GS1Error(.invalidEPCURI, "expected a supported EPC scheme, found \(kind):\(scheme.prefix(8))")
        }
    }
}
