extension GS1DigitalLink {
    /// Parses a Digital Link URI on any `http`/`https` domain.
    public static func parse(_ uri: String) throws(GS1Error) -> GS1DigitalLink {
        guard uri.utf8.count <= maxLength else {
            throw GS1Error(.tooLarge, "expected a URI of at most \(maxLength) bytes, found \(uri.utf8.count)")
        }
        let lower = uri.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = uri.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = uri.dropFirst(7)
        } else {
            throw GS1Error(.invalidDigitalLink, "expected an http or https URI")
        }
        let withoutFragment = rest.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let parts = withoutFragment.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let pathPart = parts.first ?? ""
        let segments = pathPart.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        // Find the primary key: the first segment naming a primary-key AI that is followed by a value, such that the
        // remaining segments pair up.
        var start: Int?
        for i in segments.indices where i + 1 < segments.count && (segments.count - i) % 2 == 0 {
            if let code = aiCode(segments[i]), qualifierOrder[code] != nil {
                start = i
                break
            }
        }
        guard let start else { throw GS1Error(.invalidDigitalLink, "expected a path with a GS1 primary key AI and value") }
        var pathElements: [GS1Element] = []
        var i = start
        while i + 1 < segments.count {
            guard let code = aiCode(segments[i]), let ai = ApplicationIdentifier.named(code) else {
                throw GS1Error(.unknownAI, "expected a known AI in path segment \(i + 1)")
            }
            var value = try percentDecode(segments[i + 1])
            if code == "01" { value = try GTIN(value).digits }
            pathElements.append(try GS1Element(ai, value))
            i += 2
        }
        var attributes: [GS1Element] = []
        if parts.count == 2 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard kv.count == 2, let code = aiCode(String(kv[0])) else { continue }
                guard let ai = ApplicationIdentifier.named(code) else {
                    throw GS1Error(.unknownAI, "expected a known AI in the query, found \(code.prefix(4))")
                }
                attributes.append(try GS1Element(ai, try percentDecode(String(kv[1]))))
            }
        }
        guard let key = pathElements.first else { throw GS1Error(.invalidDigitalLink, "expected a primary key") }
        return try GS1DigitalLink(primaryKey: key, qualifiers: Array(pathElements.dropFirst()), attributes: attributes)
    }

    /// The AI for a path/query label: digits as they are, or a short name.
    static func aiCode(_ label: String) -> String? {
        if label.utf8.count >= 2, label.utf8.count <= 4, GS1CheckDigit.isAllDigits(label) { return label }
        return shortNames[label]
    }

    /// Percent-encodes a value: unreserved characters and `'`, `;`, `=` stay, everything else becomes `%XX`.
    public static func percentEncode(_ value: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in value.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "'"), UInt8(ascii: ";"), UInt8(ascii: "="):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes `%XX` escapes; rejects malformed escapes and invalid UTF-8.
    public static func percentDecode(_ text: String) throws(GS1Error) -> String {
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%") {
                guard i + 2 < bytes.count, let hi = hexValue(bytes[i + 1]), let lo = hexValue(bytes[i + 2]) else {
                    throw GS1Error(.invalidDigitalLink, "expected two hex digits after '%' at position \(i + 1)")
                }
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        guard let decoded = String(validating: out, as: UTF8.self) else {
            throw GS1Error(.invalidDigitalLink, "expected UTF-8 after percent-decoding")
        }
        return decoded
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}
