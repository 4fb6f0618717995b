extension JSONWriter {
    /// Nesting depth up to which values are written by plain recursion (faster: no frame bookkeeping);
    /// deeper subtrees go to the iterative walk, so stack use stays bounded.
    static let recursionLimit = 128

    /// Hands a subtree below the recursion limit to an iterative walk.
    func writeDeep(_ value: JSONValue, depth: Int, into out: inout [UInt8]) {
        var walker = JSONWriter(style: style, baseDepth: depth)
        walker.writeIteratively(value, into: &out)
    }

    func writeRecursively(_ value: JSONValue, depth: Int, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: flag ? "true".utf8 : "false".utf8)
        case .integer(let integer): writeInteger(integer, into: &out)
        case .double(let double): writeDouble(double, into: &out)
        case .string(let string): JSONWriter.writeString(string, into: &out)
        case .array(let elements):
            guard depth < Self.recursionLimit else { return writeDeep(value, depth: depth, into: &out) }
            guard !elements.isEmpty else { return out.append(contentsOf: "[]".utf8) }
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                writeLineBreak(depth: depth + 1, into: &out)
                writeRecursively(element, depth: depth + 1, into: &out)
            }
            writeLineBreak(depth: depth, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            guard depth < Self.recursionLimit else { return writeDeep(value, depth: depth, into: &out) }
            let members = object.members
            guard !members.isEmpty else { return out.append(contentsOf: "{}".utf8) }
            out.append(UInt8(ascii: "{"))
            let order = style == .canonical ? JSONKeyOrder.sortedIndices(members) : nil
            for position in members.indices {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                writeLineBreak(depth: depth + 1, into: &out)
                let member = members[order?[position] ?? position]
                JSONWriter.writeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                if style == .pretty { out.append(UInt8(ascii: " ")) }
                writeRecursively(member.value, depth: depth + 1, into: &out)
            }
            writeLineBreak(depth: depth, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }
}
