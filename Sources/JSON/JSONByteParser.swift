/// The parsing engine behind ``JSONParser``: one pass over UTF-8 bytes, with explicit stacks instead of
/// recursion so that nesting costs heap, not stack.
///
/// Open containers are ``Frame``s; finished values wait on `values` (and object keys on `keys`) until their
/// container closes, when they are moved into a `JSONValue.array` or `JSONValue.object`.
struct JSONByteParser {
    /// An open array or object.
    struct Frame {
        let isObject: Bool
        /// Index in `values` of the first element or member value.
        let valueStart: Int
        /// Index in `keys` of the first member key.
        let keyStart: Int
        /// Keys seen so far, built once an object is large enough for linear duplicate checks to cost too much.
        var keySet: Set<String>?
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
    /// Reused buffer for strings with escapes.
    var scratch: [UInt8] = []

    init(_ input: UnsafeBufferPointer<UInt8>, options: JSONParser.Options) {
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
                values.append(value)
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
        // Moved off the stack (popping moves; copying a slice and removing it would retain and release each).
        let count = values.count - frame.valueStart
        var elements: [JSONValue] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(values.removeLast()) }
        elements.reverse()
        return .array(elements)
    }

    mutating func closeObject() -> JSONValue {
        let frame = frames.removeLast()
        var members: [JSONObject.Member] = []
        members.reserveCapacity(keys.count - frame.keyStart)
        if frame.hasDuplicates {
            // Duplicates allowed: the last value wins, at the position of the first occurrence.
            var indexByKey: [String: Int] = [:]
            for (key, value) in zip(keys[frame.keyStart...], values[frame.valueStart...]) {
                if let index = indexByKey[key] {
                    members[index].value = value
                } else {
                    indexByKey[key] = members.count
                    members.append(JSONObject.Member(key: key, value: value))
                }
            }
            keys.removeSubrange(frame.keyStart...)
            values.removeSubrange(frame.valueStart...)
        } else {
            // Moved off the stacks, last member first, then put in order.
            for _ in frame.keyStart..<keys.count {
                members.append(JSONObject.Member(key: keys.removeLast(), value: values.removeLast()))
            }
            members.reverse()
        }
        return .object(JSONObject(uniqueMembers: members))
    }

    /// Parses `"key"` and the following `:` of an object member (whitespace before the key already skipped).
    mutating func parseMemberKey() throws {
        guard position < end else { throw unexpectedEnd(expected: "'\"' to start a member name") }
        guard input[position] == UInt8(ascii: "\"") else {
            throw unexpectedByte(expected: "'\"' to start a member name")
        }
        let keyOffset = position
        let key = try parseString()
        try register(key: key, offset: keyOffset)
        skipWhitespace()
        guard position < end else { throw unexpectedEnd(expected: "':'") }
        guard input[position] == UInt8(ascii: ":") else { throw unexpectedByte(expected: "':'") }
        position += 1
    }

    /// Records a member key of the innermost object, checking for duplicates.
    mutating func register(key: String, offset: Int) throws {
        let top = frames.count - 1
        let start = frames[top].keyStart
        var duplicate = false
        if keys.count - start < Self.linearKeyCheckLimit {
            // Through the buffer: a slice of `keys` would retain and release the whole array.
            duplicate = keys.withUnsafeBufferPointer { keys in
                for index in start..<keys.count where keys[index] == key { return true }
                return false
            }
        } else {
            if frames[top].keySet == nil { frames[top].keySet = Set(keys[start...]) }
            duplicate = frames[top].keySet?.insert(key).inserted == false
        }
        if duplicate {
            if options.rejectDuplicateKeys {
                throw JSONError.at(offset, .duplicateKey, "an object member name occurs a second time")
            }
            frames[top].hasDuplicates = true
        }
        keys.append(key)
    }

    // MARK: Scalars

    mutating func skipWhitespace() {
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
