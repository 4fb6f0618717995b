/// A small non-validating XML reader for EPCIS XML: elements, attributes, namespaces, character and entity
/// references, CDATA, comments and processing instructions. DOCTYPE declarations are rejected (no entity expansion).
struct XMLReader {
    private let bytes: [UInt8]
    private var index = 0
    private let maxDepth: Int
    private var elementCount = 0
    private let maxElements: Int

    init(_ bytes: [UInt8], maxDepth: Int, maxElements: Int = 200_000) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.maxElements = maxElements
    }

    /// Parses the whole document and returns its root element.
    static func parse(_ bytes: [UInt8], maxDepth: Int) throws(EPCISError) -> XMLElement {
        var reader = XMLReader(bytes, maxDepth: maxDepth)
        if reader.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
        try reader.skipMisc()
        guard reader.peek(UInt8(ascii: "<")) else { throw malformed("expected a root element") }
        let root = try reader.element(depth: 1, scope: ["xml": "http://www.w3.org/XML/1998/namespace"])
        try reader.skipMisc()
        guard reader.index == reader.bytes.count else { throw malformed("expected the end of the document after the root") }
        return root
    }

    private static func malformed(_ message: String) -> EPCISError { EPCISError(.invalidXML, message) }

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    private func starts(_ text: String) -> Bool {
        let t = Array(text.utf8)
        return index + t.count <= bytes.count && Array(bytes[index..<(index + t.count)]) == t
    }

    private mutating func skipUntil(_ terminator: String) throws(EPCISError) {
        let t = Array(terminator.utf8)
        while index + t.count <= bytes.count {
            if bytes[index] == t[0], Array(bytes[index..<(index + t.count)]) == t {
                index += t.count
                return
            }
            index += 1
        }
        throw XMLReader.truncated("\(terminator)")
    }

    private static func truncated(_ what: String) -> EPCISError {
        EPCISError(.invalidXML, "expected \(what), found the end of the document")
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    /// Skips white space, comments, processing instructions; rejects DOCTYPE.
    private mutating func skipMisc() throws(EPCISError) {
        while true {
            skipSpace()
            if starts("<?") {
                try skipUntil("?>")
            } else if starts("<!--") {
                try skipUntil("-->")
            } else if starts("<!DOCTYPE") || starts("<!doctype") {
                throw EPCISError(.invalidXML, "expected no DOCTYPE declaration (not supported)")
            } else {
                return
            }
        }
    }

    private mutating func name() throws(EPCISError) -> String {
        let start = index
        while index < bytes.count {
            let b = bytes[index]
            if [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "<")]
                .contains(b)
            { break }
            index += 1
        }
        guard index > start else {
            if index >= bytes.count { throw XMLReader.truncated("a name") }
            throw XMLReader.malformed("expected a name at byte \(start)")
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func element(depth: Int, scope: [String: String]) throws(EPCISError) -> XMLElement {
        guard depth <= maxDepth else { throw EPCISError(.limitExceeded, "expected XML depth at most \(maxDepth)") }
        elementCount += 1
        guard elementCount <= maxElements else {
            throw EPCISError(.limitExceeded, "expected at most \(maxElements) XML elements")
        }
        index += 1  // '<'
        let qname = try name()
        var rawAttributes: [(String, String)] = []
        var scope = scope
        while true {
            skipSpace()
            guard index < bytes.count else { throw XMLReader.truncated("'>'") }
            if peek(UInt8(ascii: ">")) || peek(UInt8(ascii: "/")) { break }
            let attributeName = try name()
            skipSpace()
            guard peek(UInt8(ascii: "=")) else { throw XMLReader.malformed("expected '=' after an attribute name") }
            index += 1
            skipSpace()
            guard index < bytes.count else { throw XMLReader.truncated("an attribute value") }
            let quote = bytes[index]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw XMLReader.malformed("expected a quoted attribute value")
            }
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != quote { index += 1 }
            guard index < bytes.count else { throw XMLReader.truncated("the end of an attribute value") }
            let value = try XMLReader.decodeEntities(bytes[start..<index])
            index += 1
            if attributeName == "xmlns" {
                scope[""] = value
            } else if attributeName.hasPrefix("xmlns:") {
                scope[String(attributeName.dropFirst(6))] = value
            } else {
                rawAttributes.append((attributeName, value))
            }
        }
        let (prefix, local) = XMLReader.split(qname)
        if let prefix, scope[prefix] == nil {
            throw XMLReader.malformed("expected a declared namespace prefix on an element")
        }
        var attributes: [XMLElement.Attribute] = []
        for (n, v) in rawAttributes {
            let (p, l) = XMLReader.split(n)
            attributes.append(.init(namespace: p.flatMap { scope[$0] }, local: l, value: v))
        }
        var result = XMLElement(
            namespace: prefix.flatMap { scope[$0] }, local: local, attributes: attributes, children: [], text: "",
            prefixes: scope)
        if peek(UInt8(ascii: "/")) {
            index += 1
            guard peek(UInt8(ascii: ">")) else { throw XMLReader.malformed("expected '>' after '/'") }
            index += 1
            return result
        }
        index += 1  // '>'
        var text: [UInt8] = []
        while true {
            guard index < bytes.count else { throw XMLReader.truncated("</\(local)>") }
            if starts("</") {
                index += 2
                let closing = try name()
                skipSpace()
                guard peek(UInt8(ascii: ">")) else { throw XMLReader.truncated("'>'") }
                index += 1
                guard closing == qname else { throw XMLReader.malformed("expected the end tag of the open element") }
                result.text = try XMLReader.decodeEntities(text[...])
                return result
            } else if starts("<!--") {
                try skipUntil("-->")
            } else if starts("<![CDATA[") {
                index += 9
                let start = index
                try skipUntil("]]>")
                let cdata = bytes[start..<(index - 3)]
                // Escape '&' so entity decoding leaves CDATA text unchanged.
                for b in cdata { text += b == UInt8(ascii: "&") ? Array("&amp;".utf8) : [b] }
            } else if starts("<?") {
                try skipUntil("?>")
            } else if peek(UInt8(ascii: "<")) {
                result.children.append(try element(depth: depth + 1, scope: scope))
            } else {
                text.append(bytes[index])
                index += 1
            }
        }
    }

    private static func split(_ qname: String) -> (String?, String) {
        guard let colon = qname.firstIndex(of: ":") else { return (nil, qname) }
        return (String(qname[..<colon]), String(qname[qname.index(after: colon)...]))
    }

    /// Replaces the five predefined entities and character references.
    static func decodeEntities(_ raw: ArraySlice<UInt8>) throws(EPCISError) -> String {
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        var i = raw.startIndex
        while i < raw.endIndex {
            guard raw[i] == UInt8(ascii: "&") else {
                out.append(raw[i])
                i += 1
                continue
            }
            guard let semicolon = raw[i...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                throw malformed("expected an entity reference ending in ';'")
            }
            let entity = String(decoding: raw[(i + 1)..<semicolon], as: UTF8.self)
            switch entity {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                var scalarValue: UInt32?
                if entity.hasPrefix("#x") {
                    scalarValue = UInt32(entity.dropFirst(2), radix: 16)
                } else if entity.hasPrefix("#") {
                    scalarValue = UInt32(entity.dropFirst(), radix: 10)
                }
                guard let v = scalarValue, let scalar = Unicode.Scalar(v) else {
                    throw malformed("expected a predefined entity or a character reference")
                }
                out += Array(String(Character(scalar)).utf8)
            }
            i = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
