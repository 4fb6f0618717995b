import Base45
import Deflate

/// The HC1 transport encoding: `HC1:` + Base45(zlib(COSE_Sign1)).
public enum HC1Transport {
    /// The only accepted prefix (`HC2:` and `HL0:` are rejected).
    public static let prefix = "HC1:"
    /// Longest accepted text: a version 40 QR code holds 4,296 alphanumeric characters.
    public static let maxTextLength = 4_296
    /// Largest accepted inflated COSE message.
    public static let maxCOSESize = 16 * 1024

    /// Wraps COSE_Sign1 bytes into QR text.
    public static func encode(cose: [UInt8]) throws -> String {
        prefix + Base45.encode(try Deflater.deflate(cose, format: .zlib))
    }

    /// Shared zlib state for callers that bring no inflater.
    static let inflaters = InflaterPool(format: .zlib)

    /// Unwraps QR text into COSE_Sign1 bytes. A trailing line break is tolerated.
    ///
    /// - Throws: ``EUDCCError`` (`HC1_PREFIX`, `HC1_TOO_LARGE`), `Base45Error` or `DeflateError`.
    public static func decode(_ text: Substring, inflater: Inflater? = nil) throws -> [UInt8] {
        // Byte-level work only: Character operations (grapheme breaking) would cost more than Base45 itself.
        var utf8 = text.utf8[...]
        while let last = utf8.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { utf8.removeLast() }
        guard utf8.count <= maxTextLength + prefix.utf8.count else {
            throw EUDCCError(.tooLarge, "expected at most \(maxTextLength) characters after HC1:, found \(utf8.count)")
        }
        guard utf8.starts(with: prefix.utf8) else {
            throw EUDCCError(.prefix, "expected the text to start with HC1:, found another prefix")
        }
        let compressed = try Base45.decode(Substring(utf8.dropFirst(prefix.utf8.count)))
        if let inflater { return try inflater.inflate(compressed, maxOutputSize: maxCOSESize) }
        return try inflaters.withInflater { try $0.inflate(compressed, maxOutputSize: maxCOSESize) }
    }
}
