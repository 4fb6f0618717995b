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
        if body.hasSuffix("\r\n") {
            body = body.dropLast(2)
        } else if body.hasSuffix("\n") {
            body = body.dropLast()
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
        if body.utf8.prefix(4).map({ $0 | 0x20 }).elementsEqual("shc:".utf8) {
            // Byte-wise (Character iteration over a kilobyte of digits is slow); a CR before LF ends the line too.
            let lines = body.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
                line.last == 0x0D ? Substring(line.dropLast()) : Substring(line)
            }
            guard lines.allSatisfy({ !$0.isEmpty && !$0.utf8.contains(where: isSpace) }) else {
                throw SHCError(.trailingCharacters, "expected one QR text per line without whitespace, found other characters")
            }
            let (jws, chunked) = try SHCNumericQR.assemble(lines)
            var warnings: [SHCError] = []
            if chunked || lines.count > 1 {
                warnings.append(SHCError(.chunkingDeprecated, "expected one QR, found \(lines.count) chunks (deprecated since 1.3.0)"))
            } else if lines[0].hasPrefix("shc:/1/1/") {
                warnings.append(SHCError(.invalidQRHeader, "expected no chunk header on a single QR, found shc:/1/1/"))
            }
            return Decoded(jwsTexts: [jws], warnings: warnings)
        }
        if first == UInt8(ascii: "{") {
            return Decoded(jwsTexts: try SHCFile(data: body.utf8).verifiableCredentials, warnings: [])
        }
        return Decoded(jwsTexts: [String(body)], warnings: [])
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }
}
