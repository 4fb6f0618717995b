/// The forms a SMART Health Card arrives in, before its JWS are verified.
enum SHCInput {
    /// The largest accepted input (a file with many cards, or many chunks).
    static let maximumSize = 1 << 20

    /// The JWS texts of an input and the warnings its form draws.
    struct Decoded {
        var jwsTexts: [String]
        var warnings: [SHCError]
    }

    /// Splits `text` into JWS texts: numeric QR (one or more chunks, one per line), a `.smart-health-card`
    /// file, or a bare JWS. One trailing line break is tolerated; other surrounding whitespace is an error.
    static func decode(_ text: Substring) throws -> Decoded {
        guard text.utf8.count <= maximumSize else {
            throw SHCError(.tooLarge, "expected at most \(maximumSize) bytes of input, found \(text.utf8.count)")
        }
        var body = text
        let bytes = text.utf8
        if let last = bytes.last, last == 0x0A {
            if bytes.count >= 2, bytes[bytes.index(bytes.endIndex, offsetBy: -2)] == 0x0D {
                // The two bytes of CR LF (one Character: dropping two Characters would eat the card's last one).
                body = Substring(bytes.dropLast(2))
            } else {
                // A lone LF is its own Character: dropping its byte is dropping the Character.
                body = Substring(bytes.dropLast())
            }
        }
        if body.utf8.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw SHCError(.trailingCharacters, "expected no byte order mark before the card, found one")
        }
        guard let first = body.utf8.first, let last = body.utf8.last else {
            throw SHCError(.unrecognisedInput, "expected a SMART Health Card, found empty input")
        }
        if isSpace(first) || isSpace(last) {
            throw SHCError(.trailingCharacters, "expected no whitespace around the card, found some")
        }
        // `shc:` in any case, so that a malformed prefix is reported as a QR header error, not as a bad JWS.
        if body.utf8.withContiguousStorageIfAvailable(Self.startsWithQRPrefix) ?? Self.startsWithQRPrefix(Array(body.utf8.prefix(4))) {
            return try decodeQR(body)
        }
        if first == UInt8(ascii: "{") {
            return Decoded(jwsTexts: try SHCFile(data: body.utf8).verifiableCredentials, warnings: [])
        }
        return Decoded(jwsTexts: [String(body)], warnings: [])
    }

    /// Decodes numeric QR text: one or more lines (LF, or CR LF), each one QR text.
    private static func decodeQR(_ body: Substring) throws -> Decoded {
        // Byte-wise over the contiguous UTF-8 (Character and UTF8View iteration over a kilobyte of digits is slow).
        if let decoded = try body.utf8.withContiguousStorageIfAvailable({ try decodeQR(bytes: $0) }) {
            return decoded
        }
        var copy = String(body)
        return try copy.withUTF8 { try decodeQR(bytes: $0) }
    }

    /// ``decodeQR(_:)`` over the bytes of the text.
    private static func decodeQR(bytes: UnsafeBufferPointer<UInt8>) throws -> Decoded {
        // The usual case first, without scanning for lines: a text that decodes whole as one QR holds only
        // the prefix, header digits and slashes, and digits, so it is one line without whitespace.
        if let chunk = try? SHCNumericQR.decode(bytes: bytes), let decoded = try? decodeLines([chunk], bytes: bytes, lines: [0..<bytes.count]) {
            return decoded
        }
        // The lines, a CR before LF ending the line too.
        var lines: [Range<Int>] = []
        var start = 0
        while true {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let stop = end > start && bytes[end - 1] == 0x0D ? end - 1 : end
            lines.append(start..<stop)
            guard end < bytes.count else { break }
            start = end + 1
        }
        guard lines.allSatisfy({ !$0.isEmpty && !bytes[$0].contains(where: isSpace) }) else {
            throw SHCError(.trailingCharacters, "expected one QR text per line without whitespace, found other characters")
        }
        guard lines.count <= SHCNumericQR.maximumChunkCount else {
            // assemble(_:) reports the count before decoding any chunk.
            throw SHCError(.invalidQRHeader, "expected at most \(SHCNumericQR.maximumChunkCount) chunks, found \(lines.count)")
        }
        let chunks = try lines.map { try SHCNumericQR.decode(bytes: UnsafeBufferPointer(rebasing: bytes[$0])) }
        return try decodeLines(chunks, bytes: bytes, lines: lines)
    }

    /// The JWS and warnings of decoded QR `chunks`, one per line of `bytes`.
    private static func decodeLines(_ chunks: [SHCNumericQR.Chunk], bytes: UnsafeBufferPointer<UInt8>, lines: [Range<Int>]) throws -> Decoded {
        let (jws, chunked) = try SHCNumericQR.assemble(chunks: chunks)
        var warnings: [SHCError] = []
        if chunked || lines.count > 1 {
            warnings.append(SHCError(.chunkingDeprecated, "expected one QR, found \(lines.count) chunks (deprecated since 1.3.0)"))
        } else if bytes[lines[0]].starts(with: "shc:/1/1/".utf8) {
            warnings.append(SHCError(.invalidQRHeader, "expected no chunk header on a single QR, found shc:/1/1/"))
        }
        return Decoded(jwsTexts: [jws], warnings: warnings)
    }

    /// Whether `bytes` start with `shc:` in any case (each byte OR 0x20 compared).
    private static func startsWithQRPrefix(_ bytes: some RandomAccessCollection<UInt8>) -> Bool {
        guard bytes.count >= 4 else { return false }
        let prefix: StaticString = "shc:"
        var index = bytes.startIndex
        for offset in 0..<4 {
            guard bytes[index] | 0x20 == prefix.utf8Start[offset] else { return false }
            index = bytes.index(after: index)
        }
        return true
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }
}
