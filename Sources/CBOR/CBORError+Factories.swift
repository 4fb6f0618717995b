/// The errors the codec throws, one factory each. They are kept out of line so that building a message costs the
/// hot decoding paths neither code size nor stack space.
extension CBORError {
    @inline(never)
    static func inputTooLarge(size: Int, limit: Int) -> CBORError {
        .at(0, .tooLarge, "expected at most \(limit) bytes of input, found \(size)")
    }

    @inline(never)
    static func trailingBytes(at offset: Int, count: Int) -> CBORError {
        .at(offset, .trailingBytes, "expected the end of the input after one data item, found \(count) more bytes")
    }

    @inline(never)
    static func endOfInput(at offset: Int, expected: StaticString) -> CBORError {
        .at(offset, .truncated, "expected \(expected), found the end of the input")
    }

    @inline(never)
    static func truncatedArgument(at offset: Int, size: Int, available: Int) -> CBORError {
        .at(offset, .truncated, "expected a \(size)-byte argument after the initial byte, found \(available) bytes")
    }

    @inline(never)
    static func truncatedString(at offset: Int, length: UInt64, available: Int) -> CBORError {
        .at(offset, .truncated, "expected a string of \(length) bytes, found \(available) bytes left in the input")
    }

    @inline(never)
    static func truncatedContainer(at offset: Int, count: UInt64, isMap: Bool, available: Int) -> CBORError {
        .at(
            offset, .truncated,
            "expected \(count) \(isMap ? "map entries" : "array items"), found only \(available) bytes left")
    }

    @inline(never)
    static func reservedAdditionalInfo(at offset: Int, value: UInt8) -> CBORError {
        .at(
            offset, .reservedAdditionalInfo,
            "expected additional information 0...27 or 31, found reserved value \(value)")
    }

    @inline(never)
    static func tooManyItems(at offset: Int, limit: Int) -> CBORError {
        .at(offset, .tooLarge, "expected at most \(limit) data items, found more")
    }

    @inline(never)
    static func tooDeep(at offset: Int, limit: Int) -> CBORError {
        .at(offset, .tooDeep, "expected arrays, maps and tags nested at most \(limit) deep, found deeper")
    }

    @inline(never)
    static func indefiniteNotAllowed(at offset: Int, majorType: UInt8) -> CBORError {
        .at(
            offset, .invalidIndefinite,
            "expected a definite argument for major type \(majorType), found additional information 31")
    }

    @inline(never)
    static func unexpectedBreak(at offset: Int) -> CBORError {
        .at(offset, .invalidIndefinite, "expected a data item, found a break outside an indefinite-length item")
    }

    @inline(never)
    static func breakAfterKey(at offset: Int) -> CBORError {
        .at(offset, .invalidIndefinite, "expected a map value after the key, found a break")
    }

    @inline(never)
    static func invalidChunk(at offset: Int, expectedMajorType: UInt8, head: UInt8) -> CBORError {
        let found = head & 0x1f == 31 ? "an indefinite-length item" : "major type \(head >> 5)"
        return .at(
            offset, .invalidIndefinite,
            "expected a definite-length chunk of major type \(expectedMajorType), found \(found)")
    }

    @inline(never)
    static func invalidSimple(at offset: Int, value: UInt64) -> CBORError {
        .at(offset, .invalidSimple, "expected a two-byte simple value of at least 32, found \(value)")
    }

    @inline(never)
    static func invalidUTF8(at offset: Int) -> CBORError {
        .at(offset, .invalidUTF8, "expected well-formed UTF-8 in a text string, found an ill-formed sequence")
    }

    @inline(never)
    static func duplicateKey(at offset: Int, equalToKeyAt first: Int) -> CBORError {
        .at(offset, .duplicateKey, "expected unique map keys, found a key equal to the key at byte \(first)")
    }

    // MARK: Encoding

    @inline(never)
    static func encodingTooDeep(limit: Int) -> CBORError {
        CBORError(.tooDeep, "expected arrays, maps and tags nested at most \(limit) deep, found deeper")
    }

    @inline(never)
    static func duplicateKeyInValue(entryCount: Int) -> CBORError {
        CBORError(.duplicateKey, "expected unique map keys, found a repeated key among \(entryCount) entries")
    }

    @inline(never)
    static func simpleValueWithOwnCase(_ value: UInt8) -> CBORError {
        CBORError(
            .unsupported, "expected .bool, .null or .undefined for simple value \(value), found .simple(\(value))")
    }

    @inline(never)
    static func invalidSimpleValue(_ value: UInt8) -> CBORError {
        CBORError(.invalidSimple, "expected a simple value 0...19 or 32...255, found \(value)")
    }
}
