/// Writes ``JSONValue``s as UTF-8 JSON text.
///
/// Output goes straight into a `[UInt8]`; ``serialize(_:style:into:)`` appends to a caller's buffer, so a
/// batch of documents (one per line, say) can share one allocation. Beyond 128 levels of nesting the walk
/// switches from recursion to an explicit stack, so deeply nested values cannot exhaust the stack.
public enum JSONSerializer {
    /// How the text is laid out.
    public enum Style: Sendable, Hashable {
        /// No whitespace; members in their stored order; only `"`, `\` and control characters escaped
        /// (`/` and non-ASCII are written as is). Doubles use the shortest round-trip form and always keep a
        /// `.` or exponent, so they parse back as doubles.
        case compact
        /// Like ``compact`` with line breaks, two-space indentation and `": "` after member names.
        case pretty
        /// RFC 8785 JSON Canonicalization Scheme: members sorted by UTF-16 code units at every level, and
        /// numbers in ECMAScript Number-to-String form (`1e+21`, `1e-7`, `0.000001`, `-0` as `0`). Integers
        /// beyond ±2^53 are written as the nearest double, as an ECMAScript reader would see them.
        case canonical
    }

    /// Serializes a value into new bytes.
    public static func serialize(_ value: JSONValue, style: Style = .compact) -> [UInt8] {
        var output: [UInt8] = []
        serialize(value, style: style, into: &output)
        return output
    }

    /// Serializes a value into a `String`.
    public static func serializeToString(_ value: JSONValue, style: Style = .compact) -> String {
        String(decoding: serialize(value, style: style), as: UTF8.self)
    }

    /// Appends the serialization of a value to `output`.
    public static func serialize(_ value: JSONValue, style: Style = .compact, into output: inout [UInt8]) {
        JSONWriter(style: style).write(value, into: &output)
    }
}

/// The walk behind ``JSONSerializer``: recursive for the first ``recursionLimit`` levels, then iterative
/// with an explicit stack of frames.
struct JSONWriter {
    /// An array or object whose children are being written.
    struct Frame {
        let isObject: Bool
        let elements: [JSONValue]
        let members: [JSONObject.Member]
        /// Member order for canonical output; `nil` means stored order.
        let order: [Int]?
        var index = 0

        var count: Int { isObject ? members.count : elements.count }
    }

    let style: JSONSerializer.Style
    /// Nesting depth at which this walk starts (for pretty indentation).
    let baseDepth: Int
    var stack: [Frame] = []

    init(style: JSONSerializer.Style, baseDepth: Int = 0) {
        self.style = style
        self.baseDepth = baseDepth
    }

    func write(_ root: JSONValue, into out: inout [UInt8]) {
        writeRecursively(root, depth: 0, into: &out)
    }

    /// Writes a value with an explicit stack, however deep it is.
    mutating func writeIteratively(_ root: JSONValue, into out: inout [UInt8]) {
        var next: JSONValue? = root
        while true {
            if let value = next {
                next = nil
                switch value {
                case .null: out.append(contentsOf: "null".utf8)
                case .bool(let flag): out.append(contentsOf: flag ? "true".utf8 : "false".utf8)
                case .integer(let integer): writeInteger(integer, into: &out)
                case .double(let double): writeDouble(double, into: &out)
                case .string(let string): JSONWriter.writeString(string, into: &out)
                case .array(let elements):
                    if elements.isEmpty {
                        out.append(contentsOf: "[]".utf8)
                    } else {
                        out.append(UInt8(ascii: "["))
                        stack.append(Frame(isObject: false, elements: elements, members: [], order: nil))
                        writeLineBreak(into: &out)
                        next = elements[0]
                        continue
                    }
                case .object(let object):
                    let members = object.members
                    if members.isEmpty {
                        out.append(contentsOf: "{}".utf8)
                    } else {
                        out.append(UInt8(ascii: "{"))
                        let order = style == .canonical ? JSONKeyOrder.sortedIndices(members) : nil
                        stack.append(Frame(isObject: true, elements: [], members: members, order: order))
                        writeLineBreak(into: &out)
                        next = writeCurrentMemberName(into: &out)
                        continue
                    }
                }
            }
            // A value is complete: move to its next sibling, or close its container.
            guard !stack.isEmpty else { return }
            let top = stack.count - 1
            stack[top].index += 1
            if stack[top].index < stack[top].count {
                out.append(UInt8(ascii: ","))
                writeLineBreak(into: &out)
                next = stack[top].isObject ? writeCurrentMemberName(into: &out) : stack[top].elements[stack[top].index]
            } else {
                let isObject = stack[top].isObject
                stack.removeLast()
                writeLineBreak(into: &out)
                out.append(isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
            }
        }
    }

    /// Writes `"name":` for the innermost object's current member and returns the member's value.
    /// (Reads through `stack[top]` rather than copying the frame, which would retain its arrays.)
    func writeCurrentMemberName(into out: inout [UInt8]) -> JSONValue {
        let top = stack.count - 1
        let index = stack[top].index
        let memberIndex = stack[top].order?[index] ?? index
        JSONWriter.writeString(stack[top].members[memberIndex].key, into: &out)
        out.append(UInt8(ascii: ":"))
        if style == .pretty { out.append(UInt8(ascii: " ")) }
        return stack[top].members[memberIndex].value
    }

    /// In pretty style: a newline and the indentation of the current depth of the iterative walk.
    func writeLineBreak(into out: inout [UInt8]) {
        writeLineBreak(depth: baseDepth + stack.count, into: &out)
    }

    /// In pretty style: a newline and the indentation of `depth`.
    func writeLineBreak(depth: Int, into out: inout [UInt8]) {
        guard style == .pretty else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    func writeInteger(_ value: Int64, into out: inout [UInt8]) {
        // An ECMAScript reader holds numbers as doubles: beyond 2^53 canonical form writes what it would see.
        if style == .canonical, value.magnitude > 1 << 53 {
            ECMAScriptNumber.write(Double(value), into: &out)
        } else {
            JSONWriter.writeDecimal(value, into: &out)
        }
    }

    func writeDouble(_ value: Double, into out: inout [UInt8]) {
        if style == .canonical {
            ECMAScriptNumber.write(value, into: &out)
            return
        }
        // Keep doubles recognisable as doubles: "1.0", "-0.0", "1e+21".
        guard value.isFinite else {
            ECMAScriptNumber.write(value, into: &out)
            return
        }
        if value == 0, value.sign == .minus {
            out.append(contentsOf: "-0.0".utf8)
            return
        }
        let start = out.count
        ECMAScriptNumber.write(value, into: &out)
        if !out[start...].contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") }) {
            out.append(contentsOf: ".0".utf8)
        }
    }
}

extension JSONSerializer {
    /// Appends `string` as a quoted JSON string escaped the RFC 8785 way (`"`, `\` and control characters only;
    /// `\b \t \n \f \r` by name, other control characters as lowercase `\u00xx`), for writers that build
    /// canonical JSON themselves.
    public static func appendQuoted(_ string: String, to output: inout [UInt8]) {
        JSONWriter.writeString(string, into: &output)
    }
}
