/// The parsing engine behind ``JSONParser``: one pass over UTF-8 bytes, with explicit stacks instead of
/// recursion so that nesting costs heap, not stack.
///
/// Open containers are ``Frame``s; finished values wait on `values` (and object keys on `keys`) until their
/// container closes, when they are moved into a `JSONValue.array` or `JSONValue.object`.
struct JSONByteParser {
    /// An open array or object. Trivial (no references), so that reading the innermost frame costs no
    /// reference counting.
    struct Frame {
        let isObject: Bool
        /// Index in `values` of the first element or member value.
        let valueStart: Int
        /// Index in `keys` of the first member key.
        let keyStart: Int
        /// Set when duplicate keys are allowed and one was seen: the object is de-duplicated when it closes.
        var hasDuplicates = false
    }

    /// Objects up to this many members check duplicates by a linear scan.
    static let linearKeyCheckLimit = 16

    let input: UnsafeBufferPointer<UInt8>
    let options: JSONParser.Options
    var position = 0
    var frames: [Frame] = []
    var values: [JSONValue] = []
    var keys: [String] = []
    /// Keys of large objects, by frame index: built once an object is large enough for linear duplicate checks
    /// to cost too much.
    var keySets: [Int: Set<String>] = [:]
    /// Reused buffer for strings with escapes.
    var scratch: [UInt8] = []

    init(_ input: UnsafeBufferPointer<UInt8>, options: JSONParser.Options) {
        self.input = input
        self.options = options
        // Room for a typical certificate payload, so that the stacks do not regrow while parsing one; less for
        // small inputs such as a JWS header (a value takes at least two bytes).
        let room = min(64, input.count / 2 + 1)
        frames.reserveCapacity(min(16, room))
        values.reserveCapacity(room)
        keys.reserveCapacity(room)
    }

    /// A parser used only for its scanning (``JSONTapeParser``): the value stacks stay empty.
    init(scanning input: UnsafeBufferPointer<UInt8>, options: JSONParser.Options) {
        self.input = input
        self.options = options
    }

    var end: Int { input.count }

    /// Parses the whole input as one value followed only by whitespace.
    mutating func parseDocument() throws -> JSONValue {
        valueLoop: while true {
            skipWhitespace()
            guard position < end else { throw unexpectedEnd(expected: "a value") }
            var value: JSONValue
            switch input[position] {
            case UInt8(ascii: "{"):
                try openContainer(isObject: true)
                skipWhitespace()
                guard position < end else { throw unexpectedEnd(expected: "'\"' or '}'") }
                if input[position] == UInt8(ascii: "}") {
                    position += 1
                    value = closeObject()
                } else {
                    try parseMemberKey()
                    continue valueLoop
                }
            case UInt8(ascii: "["):
                try openContainer(isObject: false)
                skipWhitespace()
                guard position < end else { throw unexpectedEnd(expected: "a value or ']'") }
                if input[position] == UInt8(ascii: "]") {
                    position += 1
                    value = closeArray()
                } else {
                    continue valueLoop
                }
            case UInt8(ascii: "\""):
                value = .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = try parseNumber()
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                value = .null
            default:
                throw unexpectedByte(expected: "a value")
            }

            // A value is complete: hand it to its container, closing containers as long as they end here.
            // (Only `isObject` is copied out: holding a copy of the frame would make its key set non-unique,
            // and every insertion would copy it.)
            while let isObject = frames.last?.isObject {
                // Moved, not copied: a copy here costs a retain now and a release when `value` is replaced.
                values.append(consume value)
                skipWhitespace()
                let closer = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                let expected = isObject ? "',' or '}'" : "',' or ']'"
                guard position < end else { throw unexpectedEnd(expected: expected) }
                let byte = input[position]
                if byte == UInt8(ascii: ",") {
                    position += 1
                    if isObject {
                        skipWhitespace()
                        try parseMemberKey()
                    }
                    continue valueLoop
                }
                guard byte == closer else { throw unexpectedByte(expected: expected) }
                position += 1
                value = isObject ? closeObject() : closeArray()
            }
            skipWhitespace()
            guard position == end else {
                throw JSONError.at(
                    position, .trailingData, expected: "only whitespace after the value",
                    found: JSONError.describe(byte: input[position]))
            }
            return value
        }
    }

    // MARK: Containers

    mutating func openContainer(isObject: Bool) throws {
        guard frames.count < options.maxDepth else {
            throw JSONError.at(position, .tooDeep, "nesting deeper than the limit of \(options.maxDepth)")
        }
        frames.append(Frame(isObject: isObject, valueStart: values.count, keyStart: keys.count))
        position += 1
    }

    mutating func closeArray() -> JSONValue {
        let frame = frames.removeLast()
        let count = values.count - frame.valueStart
        // Reserved and appended, not `init(unsafeUninitializedCapacity:)`: that initializer (like
        // `init(repeating:count:)`) is not specialized and looks up the storage type's metadata at run time, which
        // cost more than the moves themselves.
        var elements: [JSONValue] = []
        elements.reserveCapacity(count)
        values.withUnsafeMutableBufferPointer { values in
            for index in 0..<count {
                let value = values.baseAddress! + frame.valueStart + index
                elements.append(value.move())
                value.initialize(to: .null)
            }
        }
        for _ in 0..<count { values.removeLast() }
        return .array(elements)
    }

    mutating func closeObject() -> JSONValue {
        let frame = frames.removeLast()
        let count = keys.count - frame.keyStart
        let depth = frames.count
        var members: [JSONObject.Member]
        if frame.hasDuplicates {
            // Duplicates allowed: the last value wins, at the position of the first occurrence.
            members = []
            var indexByKey: [String: Int] = [:]
            for (key, value) in zip(keys[frame.keyStart...], values[frame.valueStart...]) {
                if let index = indexByKey[key] {
                    members[index].value = value
                } else {
                    indexByKey[key] = members.count
                    members.append(JSONObject.Member(key: key, value: value))
                }
            }
        } else {
            // Reserved and appended (see closeArray).
            members = []
            members.reserveCapacity(count)
            keys.withUnsafeMutableBufferPointer { keys in
                values.withUnsafeMutableBufferPointer { values in
                    for index in 0..<count {
                        let key = keys.baseAddress! + frame.keyStart + index
                        let value = values.baseAddress! + frame.valueStart + index
                        members.append(JSONObject.Member(key: key.move(), value: value.move()))
                        // Placeholders without references take their slots, which are dropped below.
                        key.initialize(to: "")
                        value.initialize(to: .null)
                    }
                }
            }
        }
        // One by one: `removeLast(_:)` goes through generic metadata lookups at run time.
        for _ in 0..<count {
            keys.removeLast()
            values.removeLast()
        }
        if !keySets.isEmpty { keySets[depth] = nil }
        return .object(JSONObject(uniqueMembers: members))
    }

    /// Parses `"key"` and the following `:` of an object member (whitespace before the key already skipped).
    mutating func parseMemberKey() throws {
        guard position < end else { throw unexpectedEnd(expected: "'\"' to start a member name") }
        guard input[position] == UInt8(ascii: "\"") else {
            throw unexpectedByte(expected: "'\"' to start a member name")
        }
        let keyOffset = position
        try register(key: try parseString(), offset: keyOffset)
        skipWhitespace()
        guard position < end else { throw unexpectedEnd(expected: "':'") }
        guard input[position] == UInt8(ascii: ":") else { throw unexpectedByte(expected: "':'") }
        position += 1
    }

    /// Records a member key of the innermost object, checking for duplicates.
    mutating func register(key: consuming String, offset: Int) throws {
        let top = frames.count - 1
        let start = frames[top].keyStart
        var duplicate = false
        if keys.count - start < Self.linearKeyCheckLimit {
            // Through the buffer: a slice of `keys` would retain and release the whole array.
            duplicate = keys.withUnsafeBufferPointer { keys in
                // Lengths first: a native string knows its UTF-8 count, and most keys differ in length.
                let length = key.utf8.count
                for index in start..<keys.count where keys[index].utf8.count == length && keys[index] == key { return true }
                return false
            }
        } else {
            if keySets[top] == nil { keySets[top] = Set(keys[start...]) }
            duplicate = keySets[top]?.insert(copy key).inserted == false
        }
        if duplicate {
            if options.rejectDuplicateKeys {
                throw JSONError.at(offset, .duplicateKey, "an object member name occurs a second time")
            }
            frames[top].hasDuplicates = true
        }
        keys.append(consume key)
    }

    // MARK: Scalars

    mutating func skipWhitespace() {
        // Most calls on minified input find no whitespace at all: one test for them.
        if position < end, input[position] > 0x20 { return }
        while position < end {
            switch input[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws {
        let start = position
        let bytes = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for expected in bytes {
            guard position < end else { throw unexpectedEnd(expected: "the literal '\(literal)'") }
            guard input[position] == expected else {
                throw JSONError.at(
                    position, .syntax, expected: "the literal '\(literal)' started at byte \(start)",
                    found: JSONError.describe(byte: input[position]))
            }
            position += 1
        }
    }

    // MARK: Errors

    func unexpectedEnd(expected: String) -> JSONError {
        JSONError.at(position, .unexpectedEnd, expected: expected, found: "end of input")
    }

    func unexpectedByte(expected: String) -> JSONError {
        JSONError.at(position, .syntax, expected: expected, found: JSONError.describe(byte: input[position]))
    }
}
