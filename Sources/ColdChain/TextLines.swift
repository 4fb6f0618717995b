/// Splits text into lines on LF, dropping one CR before it (so LF and CRLF files read the same), with a limit
/// on the number of lines. (A `String` cannot be split on the `Character` "\n" because CRLF is one character;
/// the split works on UTF-8 bytes, where LF and CR never occur inside a multi-byte sequence.)
enum TextLines {
    /// Calls `body` with each line and its 1-based number; throws `COLDCHAIN_TOO_MANY_LINES` past `maxLines`.
    static func forEach(
        in text: String, maxLines: Int, _ body: (Substring, Int) throws -> Void
    ) throws {
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var lineNumber = 0
        var index = bytes.startIndex
        while true {
            let atEnd = index == bytes.endIndex
            if atEnd || bytes[index] == UInt8(ascii: "\n") {
                lineNumber += 1
                guard lineNumber <= maxLines else {
                    throw ColdChainError(.tooManyLines, "expected at most \(maxLines) lines, found more")
                }
                var lineEnd = index
                if lineEnd > lineStart {
                    let last = bytes.index(before: lineEnd)
                    if bytes[last] == UInt8(ascii: "\r") { lineEnd = last }
                }
                try body(Substring(bytes[lineStart..<lineEnd]), lineNumber)
                if atEnd { return }
                index = bytes.index(after: index)
                lineStart = index
            } else {
                index = bytes.index(after: index)
            }
        }
    }

    /// Splits a line on a single-byte separator (tab, comma) at the UTF-8 level.
    static func split(_ line: Substring, on separator: UInt8, maxPieces: Int) -> [Substring] {
        var pieces: [Substring] = []
        let bytes = line.utf8
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index != bytes.endIndex, pieces.count < maxPieces - 1 {
            if bytes[index] == separator {
                pieces.append(Substring(bytes[start..<index]))
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        pieces.append(Substring(bytes[start..<bytes.endIndex]))
        return pieces
    }
}
