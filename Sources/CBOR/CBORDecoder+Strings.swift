extension CBORDecoder {
    /// Consumes the content of a definite-length string whose head started at `start`; returns its buffer range.
    @inline(__always)
    mutating func consumeStringContent(_ head: Head, from start: Int) throws -> Range<Int> {
        guard head.argument <= UInt64(remaining) else {
            throw CBORError.truncatedString(at: start, length: head.argument, available: remaining)
        }
        let contentStart = position
        position += Int(head.argument)
        return contentStart..<position
    }

    /// Major type 2: pushes the byte string whose head started at `start`.
    mutating func decodeByteString(_ head: Head, from start: Int) throws {
        guard head.isIndefinite else {
            let range = try consumeStringContent(head, from: start)
            try push(.byteString(input[(base + range.lowerBound)..<(base + range.upperBound)]), from: start)
            return
        }
        var content: [UInt8] = []
        while let range = try nextChunk(majorType: 2) {
            content.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[range]))
        }
        try push(.byteString(content[...]), from: start)
    }

    /// Major type 3: pushes the text string whose head started at `start`.
    mutating func decodeTextString(_ head: Head, from start: Int) throws {
        guard head.isIndefinite else {
            let range = try consumeStringContent(head, from: start)
            try push(.textString(validatedText(range)), from: start)
            return
        }
        var content: [UInt8] = []
        while let range = try nextChunk(majorType: 3) {
            _ = try validatedText(range, makeString: false)
            content.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[range]))
        }
        // Every chunk is well-formed on its own, so their concatenation is too.
        try push(.textString(String(decoding: content, as: UTF8.self)), from: start)
    }

    /// Reads the next chunk of an indefinite-length string: its content range, or nil after consuming the `break`.
    private mutating func nextChunk(majorType: UInt8) throws -> Range<Int>? {
        guard position < buffer.count else {
            throw CBORError.endOfInput(at: position, expected: "a chunk or a break in an indefinite-length string")
        }
        if buffer[position] == 0xff {
            position += 1
            return nil
        }
        let chunkStart = position
        try countItem(at: chunkStart)
        let head = try readHead()
        guard head.majorType == majorType, !head.isIndefinite else {
            throw CBORError.invalidChunk(at: chunkStart, expectedMajorType: majorType, head: buffer[chunkStart])
        }
        return try consumeStringContent(head, from: chunkStart)
    }

    /// Checks that `range` of the buffer is UTF-8 and returns it as a `String` (empty when `makeString` is false).
    @inline(__always)
    private func validatedText(_ range: Range<Int>, makeString: Bool = true) throws -> String {
        let bytes = UnsafeBufferPointer(rebasing: buffer[range])
        if let invalid = UTF8Validation.firstInvalidOffset(bytes) {
            throw CBORError.invalidUTF8(at: range.lowerBound + invalid)
        }
        return makeString ? String(decoding: bytes, as: UTF8.self) : ""
    }
}
