extension JSONTape {
    /// The RFC 8785 (JCS) canonical form of node `index` and everything in it: the bytes
    /// `JSONSerializer.serialize(value(at: index), style: .canonical)` gives, written from the tape without
    /// building the tree.
    ///
    /// Objects whose member names are plain ASCII (no escapes) are sorted and written here, up to
    /// ``canonicalWriterMaximumDepth`` levels and ``canonicalWriterMaximumMembers`` members. Anything else (a
    /// non-ASCII or escaped name, whose UTF-16 order may differ from its byte order; deeper or larger objects) is
    /// left to ``JSONSerializer`` on the tree of node `index`.
    public func canonicalBytes(of index: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Int(nodes[index].end - nodes[index].start) + 2)
        if writeCanonical(index, depth: 0, into: &out) { return out }
        return JSONSerializer.serialize(value(at: index), style: .canonical)
    }

    /// The nesting written from the tape; deeper values go to ``JSONSerializer``, which needs no recursion.
    static let canonicalWriterMaximumDepth = 32
    /// The members of one object sorted here (insertion sort); larger objects go to ``JSONSerializer``.
    static let canonicalWriterMaximumMembers = 64

    /// Appends the canonical form of node `index`; false (with `out` partly written) when it holds something
    /// this writer leaves to the serializer.
    private func writeCanonical(_ index: Int, depth: Int, into out: inout [UInt8]) -> Bool {
        let node = nodes[index]
        switch node.kind {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])  // null
        case .bool: out.append(contentsOf: node.flag ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65])
        case .number:
            // A plain integer of up to 15 digits other than -0 is its own canonical form; other numbers go through
            // the serializer's own number writers, so that both forms agree digit for digit.
            if let plain = plainInteger(at: index) {
                out.append(contentsOf: plain)
                return true
            }
            switch number(at: index) {
            case .integer(let value)?: JSONWriter(style: .canonical).writeInteger(value, into: &out)
            case .double(let value)?: JSONWriter(style: .canonical).writeDouble(value, into: &out)
            default: return false
            }
        case .string:
            // `withUTF8` gives the unescaped text: escaped here the RFC 8785 way, whatever the input's escapes.
            out.append(UInt8(ascii: "\""))
            withUTF8(at: index) { JSONWriter.writeEscaped($0, into: &out) }
            out.append(UInt8(ascii: "\""))
        case .array:
            guard depth < Self.canonicalWriterMaximumDepth else { return false }
            out.append(UInt8(ascii: "["))
            var element = index + 1
            for offset in 0..<Int(node.count) {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                guard writeCanonical(element, depth: depth + 1, into: &out) else { return false }
                element = Int(nodes[element].next)
            }
            out.append(UInt8(ascii: "]"))
        case .object:
            guard depth < Self.canonicalWriterMaximumDepth, node.count <= Self.canonicalWriterMaximumMembers else {
                return false
            }
            return writeCanonicalObject(index, depth: depth, into: &out)
        }
        return true
    }

    /// Appends object `index` with its members sorted by name; false for a name that is escaped or not ASCII.
    private func writeCanonicalObject(_ index: Int, depth: Int, into out: inout [UInt8]) -> Bool {
        let count = Int(nodes[index].count)
        return bytes.withUnsafeBufferPointer { all in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { order -> Bool in
                // The key nodes, checked and sorted by their bytes: for ASCII names byte order is UTF-16 order.
                var key = index + 1
                for position in 0..<count {
                    let name = nodes[key]
                    guard !name.flag, Self.isASCII(UnsafeBufferPointer(rebasing: all[Int(name.start)..<Int(name.end)])) else {
                        return false
                    }
                    var slot = position
                    while slot > 0, Self.precedes(key, order[slot - 1], in: all, nodes: nodes) {
                        order[slot] = order[slot - 1]
                        slot -= 1
                    }
                    order[slot] = key
                    key = Int(nodes[key + 1].next)
                }
                out.append(UInt8(ascii: "{"))
                for position in 0..<count {
                    if position > 0 { out.append(UInt8(ascii: ",")) }
                    let name = nodes[order[position]]
                    // A plain ASCII name without escapes needs none in canonical form either.
                    out.append(UInt8(ascii: "\""))
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: all[Int(name.start)..<Int(name.end)]))
                    out.append(UInt8(ascii: "\""))
                    out.append(UInt8(ascii: ":"))
                    guard writeCanonical(order[position] + 1, depth: depth + 1, into: &out) else { return false }
                }
                out.append(UInt8(ascii: "}"))
                return true
            }
        }
    }

    /// The bytes of number node `index` when they are a plain integer of at most 15 digits other than `-0`
    /// (JSON has no leading zeros, so such text is canonical as it stands).
    private func plainInteger(at index: Int) -> ArraySlice<UInt8>? {
        let node = nodes[index]
        let text = bytes[Int(node.start)..<Int(node.end)]
        let digits = text.first == UInt8(ascii: "-") ? text.dropFirst() : text
        guard digits.count <= 15, !(digits.count < text.count && digits.first == UInt8(ascii: "0")) else { return nil }
        for byte in digits where byte &- UInt8(ascii: "0") > 9 { return nil }
        return text
    }

    /// Whether every byte is ASCII.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 { return false }
        return true
    }

    /// Whether unescaped key node `first` sorts before key node `second` (bytewise; a prefix first).
    private static func precedes(_ first: Int, _ second: Int, in all: UnsafeBufferPointer<UInt8>, nodes: JSONTapeNodes) -> Bool {
        let a = nodes[first], b = nodes[second]
        let left = UnsafeBufferPointer(rebasing: all[Int(a.start)..<Int(a.end)])
        let right = UnsafeBufferPointer(rebasing: all[Int(b.start)..<Int(b.end)])
        for offset in 0..<min(left.count, right.count) where left[offset] != right[offset] {
            return left[offset] < right[offset]
        }
        return left.count < right.count
    }
}
