/// The numeric QR text of SMART Health Cards: `shc:/` followed by two digits per JWS character
/// (`ord(c) - 45`), optionally as deprecated chunks `shc:/C/N/…`.
public enum SHCNumericQR {
    /// The prefix of every SMART Health Card QR text.
    public static let prefix = "shc:/"
    /// The longest JWS that fits one version-22 QR at error correction L.
    public static let maximumSingleJWSLength = 1195
    /// The longest JWS part of one chunk (`shc:/C/N/` takes room from the digits).
    public static let maximumChunkJWSLength = 1191
    /// The most chunks a reader accepts.
    public static let maximumChunkCount = 99

    /// One decoded QR text: its chunk position (1/1 when not chunked) and its JWS characters.
    public struct Chunk: Sendable, Hashable {
        /// 1-based chunk index.
        public let index: Int
        /// Chunk count announced by the header.
        public let total: Int
        /// Whether the text had a `C/N/` header.
        public let hasChunkHeader: Bool
        /// The JWS characters this chunk carries.
        public let jwsPart: String
    }

    /// Encodes a JWS as one QR text, without size checks.
    public static func encode(_ jws: some StringProtocol) -> String {
        prefix + digits(jws)
    }

    /// Encodes a JWS as balanced chunks (`shc:/C/N/…`) of at most ``maximumChunkJWSLength`` characters,
    /// or one un-chunked text when it fits ``maximumSingleJWSLength``. Chunking is deprecated: prefer
    /// refusing long cards (``SHCIssuer`` does).
    public static func encodeChunked(_ jws: String) -> [String] {
        let characters = Array(jws.utf8)
        guard characters.count > maximumSingleJWSLength else { return [encode(jws)] }
        let count = (characters.count + maximumChunkJWSLength - 1) / maximumChunkJWSLength
        let size = (characters.count + count - 1) / count
        return (0..<count).map { index in
            let part = characters[(index * size)..<min(characters.count, (index + 1) * size)]
            return "\(prefix)\(index + 1)/\(count)/" + digits(String(decoding: part, as: UTF8.self))
        }
    }

    /// Decodes one QR text (no whitespace around it).
    ///
    /// - Throws: ``SHCError`` `SHC_INVALID_QR_HEADER` (prefix, chunk header), `SHC_INVALID_NUMERIC_QR`
    ///   (non-digits, odd count, a pair above 77, more characters than a chunk may hold).
    public static func decode(_ text: some StringProtocol) throws -> Chunk {
        // The contiguous bytes when there are some: iterating a substring's UTF-8 view byte by byte is slow.
        if let chunk = try text.utf8.withContiguousStorageIfAvailable({ try decode(bytes: $0) }) { return chunk }
        return try Array(text.utf8).withUnsafeBufferPointer { try decode(bytes: $0) }
    }

    /// ``decode(_:)`` over the UTF-8 bytes of one QR text.
    static func decode(bytes: UnsafeBufferPointer<UInt8>) throws -> Chunk {
        guard bytes.starts(with: prefix.utf8) else {
            throw SHCError(.invalidQRHeader, "expected the text to start with shc:/, found another prefix")
        }
        var position = prefix.utf8.count
        var header: [Int] = []
        // Up to two `number/` groups form the chunk header.
        while header.count < 2 {
            var end = position
            while end < bytes.count, end - position <= 3, isDigit(bytes[end]) { end += 1 }
            guard end < bytes.count, bytes[end] == UInt8(ascii: "/"), end > position else { break }
            guard end - position <= 3, let value = Int(String(decoding: bytes[position..<end], as: UTF8.self)) else {
                throw SHCError(.invalidQRHeader, "expected a chunk header number of at most 3 digits, found more")
            }
            header.append(value)
            position = end + 1
        }
        var index = 1
        var total = 1
        switch header.count {
        case 0:
            break
        case 2:
            index = header[0]
            total = header[1]
            guard total >= 1, total <= maximumChunkCount, index >= 1, index <= total else {
                throw SHCError(
                    .invalidQRHeader,
                    "expected a chunk header C/N with 1 <= C <= N <= \(maximumChunkCount), found \(index)/\(total)")
            }
        default:
            throw SHCError(.invalidQRHeader, "expected shc:/ or shc:/C/N/ before the digits, found one number only")
        }
        let digitBytes = bytes[position...]
        guard !digitBytes.isEmpty else {
            throw SHCError(.invalidNumericQR, "expected digits after the header, found none")
        }
        guard digitBytes.count % 2 == 0 else {
            throw SHCError(.invalidNumericQR, "expected an even number of digits, found \(digitBytes.count)")
        }
        let limit = header.isEmpty ? maximumSingleJWSLength : maximumChunkJWSLength
        guard digitBytes.count / 2 <= limit else {
            throw SHCError(
                .invalidNumericQR, "expected at most \(limit) characters in one QR, found \(digitBytes.count / 2)")
        }
        let count = digitBytes.count / 2
        let start = digitBytes.startIndex
        // Digits and pair values checked together; the error is searched for only on failure.
        // Running maxima instead of branches: with every digit at most 9, the largest value is the true one.
        let jwsPart = String(unsafeUninitializedCapacity: count) { output in
            var maxHigh: UInt8 = 0, maxLow: UInt8 = 0, maxValue: UInt8 = 0
            for pair in 0..<count {
                let high = bytes[start &+ 2 &* pair] &- UInt8(ascii: "0")
                let low = bytes[start &+ 2 &* pair &+ 1] &- UInt8(ascii: "0")
                let value = high &* 10 &+ low
                maxHigh = max(maxHigh, high)
                maxLow = max(maxLow, low)
                maxValue = max(maxValue, value)
                output[pair] = value &+ 45
            }
            return maxHigh > 9 || maxLow > 9 || maxValue > 77 ? 0 : count
        }
        if jwsPart.utf8.count != count { try throwDigitError(bytes, digitBytes: start..<bytes.count) }
        return Chunk(
            index: index, total: total, hasChunkHeader: !header.isEmpty,
            jwsPart: jwsPart)
    }

    /// Throws the error for the first bad digit or pair of `digitBytes` (an even count of bytes of `bytes`).
    private static func throwDigitError(_ bytes: UnsafeBufferPointer<UInt8>, digitBytes: Range<Int>) throws {
        var offset = digitBytes.lowerBound
        while offset < digitBytes.upperBound {
            let high = bytes[offset]
            let low = bytes[offset + 1]
            guard isDigit(high), isDigit(low) else {
                throw SHCError(.invalidNumericQR, "expected only digits, found another character at offset \(offset)")
            }
            let value = Int(high - UInt8(ascii: "0")) * 10 + Int(low - UInt8(ascii: "0"))
            guard value <= 77 else {
                throw SHCError(.invalidNumericQR, "expected digit pairs of at most 77, found \(value) at offset \(offset)")
            }
            offset += 2
        }
    }

    /// Decodes one or more QR texts (chunks in any order) into the JWS text.
    ///
    /// - Returns: the JWS and whether it came from chunks (deprecated).
    /// - Throws: ``SHCError``: the errors of ``decode(_:)``, `SHC_INVALID_QR_HEADER` for chunks that disagree
    ///   on N, a duplicate index or a chunk header on single input, `SHC_MISSING_QR_CHUNK` for a missing chunk.
    public static func assemble(_ texts: [Substring]) throws -> (jws: String, chunked: Bool) {
        guard !texts.isEmpty else {
            throw SHCError(.missingQRChunk, "expected at least one QR text, found none")
        }
        guard texts.count <= maximumChunkCount else {
            throw SHCError(.invalidQRHeader, "expected at most \(maximumChunkCount) chunks, found \(texts.count)")
        }
        return try assemble(chunks: texts.map { try decode($0) })
    }

    /// ``assemble(_:)`` after the chunks are decoded (at least one, at most ``maximumChunkCount``).
    static func assemble(chunks: [Chunk]) throws -> (jws: String, chunked: Bool) {
        if chunks.count == 1, !chunks[0].hasChunkHeader {
            return (chunks[0].jwsPart, false)
        }
        guard chunks.allSatisfy(\.hasChunkHeader) else {
            throw SHCError(.invalidQRHeader, "expected every chunk to have a C/N header, found one without")
        }
        let total = chunks[0].total
        guard chunks.allSatisfy({ $0.total == total }) else {
            throw SHCError(.invalidQRHeader, "expected every chunk to announce the same count N, found different counts")
        }
        var parts = [String?](repeating: nil, count: total)
        for chunk in chunks {
            guard parts[chunk.index - 1] == nil else {
                throw SHCError(.invalidQRHeader, "expected each chunk index once, found \(chunk.index) twice")
            }
            parts[chunk.index - 1] = chunk.jwsPart
        }
        if let missing = parts.firstIndex(where: { $0 == nil }) {
            throw SHCError(.missingQRChunk, "expected \(total) chunks, found chunk \(missing + 1) missing")
        }
        return (parts.compactMap { $0 }.joined(), total > 1)
    }

    private static func digits(_ jws: some StringProtocol) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(jws.utf8.count * 2)
        for byte in jws.utf8 {
            let value = Int(byte) - 45
            // Characters outside the base64url alphabet (and '.') cannot occur in a JWS; clamp to stay numeric.
            let clamped = max(0, min(99, value))
            output.append(UInt8(ascii: "0") + UInt8(clamped / 10))
            output.append(UInt8(ascii: "0") + UInt8(clamped % 10))
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
