import JSON

/// The RFC 8785 (JCS) canonical bytes of a seal's `data`, the bytes its signature covers.
///
/// Written in one pass for what a seal holds (objects with ASCII member names, arrays, strings, integers up to
/// 2^53, literals), with no buffer per object; anything else (doubles, larger integers, non-ASCII or repeated
/// member names, deep nesting) is left to ``JSONSerializer``'s canonical style, whose output this matches.
enum VDSNCCanonicalJSON {
    /// The canonical bytes of `value`.
    static func bytes(of value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        // Room for a typical `data` up front: growing the buffer by doubling copies it several times.
        out.reserveCapacity(1024)
        if write(value, depth: 0, into: &out) { return out }
        out.removeAll(keepingCapacity: true)
        JSONSerializer.serialize(value, style: .canonical, into: &out)
        return out
    }

    /// The nesting written here; deeper values go to ``JSONSerializer`` (a seal nests 6 levels below `data`).
    private static let maximumDepth = 32

    /// Appends `value`; false (with `out` partly written) when it holds something this writer leaves alone.
    private static func write(_ value: JSONValue, depth: Int, into out: inout [UInt8]) -> Bool {
        switch value {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])  // null
        case .bool(let flag):
            out.append(contentsOf: flag ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65])  // true, false
        case .integer(let integer):
            // Beyond 2^53 canonical form writes the nearest double: left to JSONSerializer.
            guard integer.magnitude <= 1 << 53 else { return false }
            writeDecimal(integer, into: &out)
        case .double: return false
        case .string(let string): writeString(string, into: &out)
        case .array(let elements):
            guard depth < maximumDepth else { return false }
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                guard write(element, depth: depth + 1, into: &out) else { return false }
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            guard depth < maximumDepth else { return false }
            return writeObject(object.members, depth: depth, into: &out)
        }
        return true
    }

    /// Appends an object, members sorted by name; false for a non-ASCII or repeated name (there, byte order and
    /// UTF-16 order may differ, or the order of equal names is JSONSerializer's).
    private static func writeObject(_ members: [JSONObject.Member], depth: Int, into out: inout [UInt8]) -> Bool {
        for member in members where !member.key.utf8.allSatisfy({ $0 < 0x80 }) { return false }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: members.count) { order -> Bool in
            // Insertion sort of member indices: a seal's objects have at most 6 members. ASCII names compare
            // the same as bytes, as UTF-16 code units and as Swift strings.
            for index in members.indices {
                var position = index
                while position > 0, members[index].key < members[order[position - 1]].key {
                    order[position] = order[position - 1]
                    position -= 1
                }
                order[position] = index
            }
            for position in order.indices.dropFirst()
            where members[order[position - 1]].key == members[order[position]].key {
                return false
            }
            out.append(UInt8(ascii: "{"))
            for position in order.indices {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                let member = members[order[position]]
                writeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                guard write(member.value, depth: depth + 1, into: &out) else { return false }
            }
            out.append(UInt8(ascii: "}"))
            return true
        }
    }

    /// Appends a string in quotes, escaped as RFC 8785 does (the JSON module's canonical string writer).
    private static func writeString(_ string: String, into out: inout [UInt8]) {
        JSONSerializer.appendQuoted(string, to: &out)
    }

    /// Appends an integer in decimal.
    private static func writeDecimal(_ value: Int64, into out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude < 10 {
            out.append(UInt8(ascii: "0") + UInt8(magnitude))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            while magnitude > 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }
}
