import JSON

extension SchemaCompiler {
    /// Resolves a `$ref` to a node: `#`, `#/json/pointer` (including `#/$defs/...` and `#/definitions/...`),
    /// or the same with the document's own `$id` in front. Anything else is `SCHEMA_UNRESOLVED_REF`.
    mutating func resolve(_ reference: String, from location: String) throws(JSONSchemaError) -> Int {
        let unresolved = JSONSchemaError(
            .unresolvedRef, "$ref \(reference) at \(Self.display(location)) does not point into this schema document")
        var fragment = Substring(reference)
        if let hash = reference.firstIndex(of: "#") {
            let base = reference[..<hash]
            guard base.isEmpty || (rootID.map { base == $0 } ?? false) else { throw unresolved }
            fragment = reference[reference.index(after: hash)...]
        } else {
            guard let rootID, reference == rootID else { throw unresolved }
            fragment = ""
        }
        guard let tokens = JSONPointer.tokens(percentEncodedFragment: fragment) else { throw unresolved }
        var target = root
        var canonical = ""
        for token in tokens {
            switch target {
            case .object(let object):
                guard let next = object[token] else { throw unresolved }
                target = next
            case .array(let array):
                guard let position = Int(token), String(position) == token, array.indices.contains(position) else {
                    throw unresolved
                }
                target = array[position]
            default:
                throw unresolved
            }
            canonical += "/" + JSONPointer.escape(token)
        }
        return try compile(target, location: canonical, depth: tokens.count)
    }

    /// Refuses `$ref`/`allOf`/`anyOf`/`oneOf`/`not` chains that come back to a schema without descending into
    /// the instance (`{"$ref": "#"}`): validating them would never end.
    func rejectReferenceLoops() throws(JSONSchemaError) {
        enum Mark { case unvisited, inProgress, done }
        var marks = [Mark](repeating: .unvisited, count: drafts.count)
        for start in drafts.indices where marks[start] == .unvisited {
            // Iterative depth-first search: (node, next child position).
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            marks[start] = .inProgress
            while let (node, next) = stack.last {
                let children = drafts[node].inPlaceChildren
                if next < children.count {
                    stack[stack.count - 1].next += 1
                    let child = children[next]
                    switch marks[child] {
                    case .inProgress:
                        throw JSONSchemaError(
                            .invalid,
                            "schema at \(Self.display(drafts[child].location)) refers back to itself without descending into the instance")
                    case .unvisited:
                        marks[child] = .inProgress
                        stack.append((child, 0))
                    case .done:
                        break
                    }
                } else {
                    marks[node] = .done
                    stack.removeLast()
                }
            }
        }
    }
}

/// RFC 6901 JSON pointers.
enum JSONPointer {
    /// Escapes a reference token: `~` as `~0`, `/` as `~1`.
    static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        var escaped = ""
        for character in token.unicodeScalars {
            switch character {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// The tokens of a URI fragment holding a JSON pointer (`""` is the whole document); `nil` if malformed.
    static func tokens(percentEncodedFragment fragment: Substring) -> [String]? {
        guard let decoded = percentDecode(fragment) else { return nil }
        if decoded.isEmpty { return [] }
        guard decoded.hasPrefix("/") else { return nil }
        var tokens: [String] = []
        for raw in decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var iterator = raw.unicodeScalars.makeIterator()
            while let scalar = iterator.next() {
                guard scalar == "~" else {
                    token.unicodeScalars.append(scalar)
                    continue
                }
                switch iterator.next() {
                case "0": token += "~"
                case "1": token += "/"
                default: return nil
                }
            }
            tokens.append(token)
        }
        return tokens
    }

    static func percentDecode(_ text: Substring) -> String? {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// A pointer string from tokens.
    static func string(_ tokens: [String]) -> String {
        tokens.map { "/" + escape($0) }.joined()
    }
}
