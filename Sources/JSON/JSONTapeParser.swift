/// The parsing engine behind ``JSONTape``: the same pass as ``JSONByteParser`` (whose scalar scanning it
/// uses, so that both accept and refuse the same input with the same errors), writing nodes instead of values.
struct JSONTapeParser {
    /// The scanner: input, position, limits, and the string, number and literal checks.
    var scanner: JSONByteParser
    let nodes: JSONTapeNodes
    var unescaped: [[UInt8]] = []
    /// An open container (its elements or members so far are counted in its node).
    struct Frame {
        /// Its node.
        let node: Int
        let isObject: Bool
    }

    /// The open containers, innermost last.
    var open: [Frame] = []
    /// Keys of large objects, by depth: built once an object is large enough for linear duplicate checks to
    /// cost too much.
    var keySets: [Int: Set<[UInt8]>] = [:]

    init(_ input: UnsafeBufferPointer<UInt8>, options: JSONParser.Options) {
        scanner = JSONByteParser(scanning: input, options: options)
        // A certificate payload has about one node per six bytes; the storage doubles when that is too few.
        nodes = JSONTapeNodes(capacity: input.count / 4 + 1)
        open.reserveCapacity(16)
    }

    var input: UnsafeBufferPointer<UInt8> { scanner.input }
    var end: Int { scanner.end }

    /// Parses the whole input as one value followed only by whitespace.
    mutating func parseDocument() throws {
        valueLoop: while true {
            scanner.skipWhitespace()
            guard scanner.position < end else { throw scanner.unexpectedEnd(expected: "a value") }
            let start = scanner.position
            switch input[start] {
            case UInt8(ascii: "{"):
                try openContainer(.object)
                scanner.skipWhitespace()
                guard scanner.position < end else { throw scanner.unexpectedEnd(expected: "'\"' or '}'") }
                if input[scanner.position] == UInt8(ascii: "}") {
                    scanner.position += 1
                    closeContainer()
                } else {
                    try parseMemberKey()
                    continue valueLoop
                }
            case UInt8(ascii: "["):
                try openContainer(.array)
                scanner.skipWhitespace()
                guard scanner.position < end else { throw scanner.unexpectedEnd(expected: "a value or ']'") }
                if input[scanner.position] == UInt8(ascii: "]") {
                    scanner.position += 1
                    closeContainer()
                } else {
                    continue valueLoop
                }
            case UInt8(ascii: "\""):
                try appendString()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                _ = try scanner.parseNumber()
                appendScalar(.number, flag: false, start: start)
            case UInt8(ascii: "t"):
                try scanner.expectLiteral("true")
                appendScalar(.bool, flag: true, start: start)
            case UInt8(ascii: "f"):
                try scanner.expectLiteral("false")
                appendScalar(.bool, flag: false, start: start)
            case UInt8(ascii: "n"):
                try scanner.expectLiteral("null")
                appendScalar(.null, flag: false, start: start)
            default:
                throw scanner.unexpectedByte(expected: "a value")
            }

            // A value is complete: count it in its container, closing containers as long as they end here.
            while let frame = open.last {
                nodes.countChild(of: frame.node)
                let isObject = frame.isObject
                scanner.skipWhitespace()
                let closer = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                // Spelled only for an error.
                var expected: String { isObject ? "',' or '}'" : "',' or ']'" }
                guard scanner.position < end else { throw scanner.unexpectedEnd(expected: expected) }
                let byte = input[scanner.position]
                if byte == UInt8(ascii: ",") {
                    scanner.position += 1
                    if isObject {
                        scanner.skipWhitespace()
                        try parseMemberKey()
                    }
                    continue valueLoop
                }
                guard byte == closer else { throw scanner.unexpectedByte(expected: expected) }
                scanner.position += 1
                closeContainer()
            }
            scanner.skipWhitespace()
            guard scanner.position == end else {
                throw JSONError.at(
                    scanner.position, .trailingData, expected: "only whitespace after the value",
                    found: JSONError.describe(byte: input[scanner.position]))
            }
            return
        }
    }

    mutating func openContainer(_ kind: JSONTape.Kind) throws {
        guard open.count < scanner.options.maxDepth else {
            throw JSONError.at(scanner.position, .tooDeep, "nesting deeper than the limit of \(scanner.options.maxDepth)")
        }
        let node = nodes.append(JSONTape.Node(kind: kind, flag: false, start: Int32(scanner.position), end: 0, next: 0, count: 0))
        open.append(Frame(node: node, isObject: kind == .object))
        scanner.position += 1
    }

    /// Ends the innermost container (its closing bracket already passed).
    mutating func closeContainer() {
        let frame = open.removeLast()
        nodes.close(frame.node, end: Int32(scanner.position), next: Int32(nodes.count))
        if !keySets.isEmpty { keySets[open.count] = nil }
    }

    mutating func appendScalar(_ kind: JSONTape.Kind, flag: Bool, start: Int) {
        let index = Int32(nodes.count)
        nodes.append(JSONTape.Node(kind: kind, flag: flag, start: Int32(start), end: Int32(scanner.position), next: index + 1, count: 0))
    }

    /// Appends a string node (`position` at its opening quote).
    mutating func appendString() throws {
        let scanned = try scanner.scanString()
        let index = Int32(nodes.count)
        var node = JSONTape.Node(
            kind: .string, flag: scanned.isEscaped, start: Int32(scanned.start), end: Int32(scanned.end), next: index + 1, count: 0)
        if scanned.isEscaped {
            node.count = Int32(unescaped.count)
            unescaped.append(scanner.scratch)
        }
        nodes.append(node)
    }

    /// Parses `"key"` and the following `:` of an object member (whitespace before the key already skipped).
    mutating func parseMemberKey() throws {
        guard scanner.position < end else { throw scanner.unexpectedEnd(expected: "'\"' to start a member name") }
        guard input[scanner.position] == UInt8(ascii: "\"") else {
            throw scanner.unexpectedByte(expected: "'\"' to start a member name")
        }
        let keyOffset = scanner.position
        try appendString()
        try register(key: nodes.count - 1, offset: keyOffset)
        scanner.skipWhitespace()
        guard scanner.position < end else { throw scanner.unexpectedEnd(expected: "':'") }
        guard input[scanner.position] == UInt8(ascii: ":") else { throw scanner.unexpectedByte(expected: "':'") }
        scanner.position += 1
    }

    /// Records a member key of the innermost object; a repeat is an error. The object's earlier keys are
    /// found through its nodes: each member's value is complete, so its `next` leads to the following key.
    mutating func register(key: Int, offset: Int) throws {
        let depth = open.count - 1
        let object = open[depth].node
        let memberCount = Int(nodes[object].count)
        var duplicate = false
        if memberCount < JSONByteParser.linearKeyCheckLimit {
            let new = nodes[key]
            let length = new.end - new.start
            var other = object + 1
            for _ in 0..<memberCount {
                let earlier = nodes[other]
                // Unescaped keys (the usual case) by length, then by their bytes in the input.
                if new.flag || earlier.flag {
                    if keysEqual(other, key) {
                        duplicate = true
                        break
                    }
                } else if earlier.end - earlier.start == length, inputBytesEqual(Int(earlier.start), Int(new.start), Int(length)) {
                    duplicate = true
                    break
                }
                other = Int(nodes[other + 1].next)
            }
        } else {
            if keySets[depth] == nil {
                var set = Set<[UInt8]>(minimumCapacity: memberCount * 2)
                var other = object + 1
                for _ in 0..<memberCount {
                    set.insert(withKeyBytes(other) { Array($0) })
                    other = Int(nodes[other + 1].next)
                }
                keySets[depth] = set
            }
            let bytes = withKeyBytes(key) { Array($0) }
            duplicate = keySets[depth]?.insert(bytes).inserted == false
        }
        if duplicate { throw JSONError.at(offset, .duplicateKey, "an object member name occurs a second time") }
    }

    /// Whether key nodes `first` and `second` name the same member, compared by their unescaped bytes.
    func keysEqual(_ first: Int, _ second: Int) -> Bool {
        withKeyBytes(first) { one in withKeyBytes(second) { JSONTape.equal(one, $0) } }
    }

    /// Whether the `length` input bytes at `first` and at `second` are equal.
    func inputBytesEqual(_ first: Int, _ second: Int, _ length: Int) -> Bool {
        guard length > 0, let base = input.baseAddress else { return true }
        return JSONTape.bytesEqual(base + first, base + second, count: length)
    }

    /// The unescaped bytes of key node `key`.
    func withKeyBytes<Result>(_ key: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let node = nodes[key]
        if node.flag { return unescaped[Int(node.count)].withUnsafeBufferPointer(body) }
        return body(UnsafeBufferPointer(rebasing: input[Int(node.start)..<Int(node.end)]))
    }
}
