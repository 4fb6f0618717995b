/// Where a checked string's contents are: in the input between its quotes, or (when it had escapes)
/// unescaped in the parser's `scratch`.
struct ScannedString {
    /// Offset of the first byte after the opening quote.
    let start: Int
    /// Offset of the closing quote.
    let end: Int
    /// Whether the string had escapes: its unescaped UTF-8 is in `scratch` until the next string.
    let isEscaped: Bool
    /// Whether every byte is ASCII (known only for strings without escapes).
    let isASCII: Bool
}

extension JSONByteParser {
    /// Parses a string starting at its opening quote. Strings without escapes are decoded straight from the
    /// input; others are unescaped into `scratch`.
    @inline(__always)
    mutating func parseString() throws -> String {
        let scanned = try scanString()
        if scanned.isEscaped { return String(decoding: scratch, as: UTF8.self) }
        let bytes = UnsafeBufferPointer(rebasing: input[scanned.start..<scanned.end])
        if scanned.isASCII, let word = JSONVocabulary.word(matching: bytes) { return word }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Checks a string starting at its opening quote and moves past its closing quote: control characters,
    /// UTF-8 and escapes are validated; escaped strings are unescaped into `scratch`.
    @inline(__always)
    mutating func scanString() throws -> ScannedString {
        position += 1
        let start = position
        var isASCII = true
        while position < end {
            skipPlainASCII()
            guard position < end else { break }
            let byte = input[position]
            if byte == UInt8(ascii: "\"") {
                let scanned = ScannedString(start: start, end: position, isEscaped: false, isASCII: isASCII)
                position += 1
                return scanned
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacter() }
            if byte < 0x80 {
                position += 1
            } else {
                isASCII = false
                position += try validUTF8SequenceLength()
            }
        }
        guard position < end else { throw unexpectedEnd(expected: "'\"' to close the string") }

        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<position]))
        while position < end {
            let byte = input[position]
            switch byte {
            case UInt8(ascii: "\""):
                let scanned = ScannedString(start: start, end: position, isEscaped: true, isASCII: false)
                position += 1
                return scanned
            case UInt8(ascii: "\\"):
                try parseEscape()
            case 0x00..<0x20:
                throw controlCharacter()
            case 0x20..<0x80:
                scratch.append(byte)
                position += 1
            default:
                let length = try validUTF8SequenceLength()
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[position..<position + length]))
                position += length
            }
        }
        throw unexpectedEnd(expected: "'\"' to close the string")
    }

    /// Moves `position` past string bytes that need no attention (printable ASCII other than `"` and `\\`),
    /// eight at a time, onto the first byte that does (or to within 8 bytes of the end of the input).
    @inline(__always)
    mutating func skipPlainASCII() {
        guard let base = input.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while end - position >= 8 {
            // Little-endian lanes: the first byte in memory is the lowest lane.
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            // A byte is special when it is >= 0x80, < 0x20, '"' (0x22) or '\\' (0x5C): the high bit of each lane
            // flags it (the usual "has a zero byte" test applied to word XOR the byte, and to word - 0x20).
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let special = (((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | (word &- ones &* 0x20) | word) & highs
            if special != 0 {
                // A borrow can flag lanes above a special byte, never below one: the lowest flag is a real one.
                position += special.trailingZeroBitCount >> 3
                return
            }
            position += 8
        }
    }

    func controlCharacter() -> JSONError {
        JSONError.at(position, .syntax, expected: "a string character (control characters must be escaped)",
            found: "a control character")
    }

    /// Checks the UTF-8 sequence starting at `position` (a byte >= 0x80) and returns its length.
    /// Rejects overlong forms, encoded surrogates and code points above U+10FFFF.
    func validUTF8SequenceLength() throws -> Int {
        let lead = input[position]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default:
            throw JSONError.at(position, .invalidUTF8, "byte is not the start of a UTF-8 sequence")
        }
        for index in 1..<length {
            let at = position + index
            guard at < end else {
                throw JSONError.at(at, .unexpectedEnd, expected: "the rest of a UTF-8 sequence", found: "end of input")
            }
            let range = index == 1 ? secondRange : 0x80...0xBF
            guard range.contains(input[at]) else {
                throw JSONError.at(at, .invalidUTF8, "byte does not continue the UTF-8 sequence started at byte \(position)")
            }
        }
        return length
    }

    /// Parses one escape sequence at `position` (a backslash) and appends its UTF-8 to `scratch`.
    mutating func parseEscape() throws {
        let escapeStart = position
        position += 1
        guard position < end else { throw unexpectedEnd(expected: "an escape character") }
        let byte = input[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = UInt32(try parseHex4())
            if (0xD800...0xDBFF).contains(scalar) {
                for (offset, expected) in [UInt8(ascii: "\\"), UInt8(ascii: "u")].enumerated() {
                    guard position + offset < end else {
                        position += offset
                        throw unexpectedEnd(expected: "'\\u' with a low surrogate")
                    }
                    guard input[position + offset] == expected else {
                        throw JSONError.at(
                            escapeStart, .invalidEscape,
                            "a high surrogate escape is not followed by a low surrogate escape")
                    }
                }
                position += 2
                let low = UInt32(try parseHex4())
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw JSONError.at(escapeStart, .invalidEscape, "a high surrogate escape is not followed by a low surrogate escape")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw JSONError.at(escapeStart, .invalidEscape, "a low surrogate escape without a high surrogate before it")
            }
            appendUTF8(scalar)
        default:
            position -= 1
            throw unexpectedByte(expected: "one of '\"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u' after a backslash")
        }
    }

    /// Reads four hexadecimal digits.
    mutating func parseHex4() throws -> UInt16 {
        var result: UInt16 = 0
        for _ in 0..<4 {
            guard position < end else { throw unexpectedEnd(expected: "a hexadecimal digit") }
            let byte = input[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw unexpectedByte(expected: "a hexadecimal digit")
            }
            result = result << 4 | UInt16(digit)
            position += 1
        }
        return result
    }

    mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
