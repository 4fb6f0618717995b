/// A forward-only reader of CBOR heads and text, for a hot path that converts one known shape of data without
/// building a node tree.
///
/// It checks what it reads: reserved additional information, arguments and string lengths against the remaining
/// input, and UTF-8 in text strings; it never reads out of bounds. Everything structural (nesting, counts,
/// duplicate keys, limits, trailing bytes) is the caller's job. ``CBOR/decode(_:options:)`` is the general,
/// fully checked decoder; a caller that meets anything it does not expect should hand the bytes to it.
///
/// ```swift
/// try CBORReader.read(bytes) { reader in
///     let head = try reader.readHead()   // e.g. major type 5, argument 4: a map of four entries
///     ...
/// }
/// ```
public struct CBORReader {
    /// The head of a data item: major type (0...7), additional information (0...27 or 31) and argument.
    public struct Head: Sendable, Hashable {
        /// The major type, 0...7.
        public let majorType: UInt8
        /// The additional information: 0...27, or 31 for an indefinite length (or, in major type 7, `break`).
        public let additionalInfo: UInt8
        /// The argument: the value, length or count (0 for an indefinite length).
        public let argument: UInt64

        /// Whether the head announces an indefinite length (or is a `break`).
        public var isIndefinite: Bool { additionalInfo == 31 }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    public private(set) var offset = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Runs `body` with a reader over `bytes`; the reader must not escape it.
    public static func read<Result>(
        _ bytes: ArraySlice<UInt8>, _ body: (inout CBORReader) throws -> Result
    ) rethrows -> Result {
        try bytes.withUnsafeBufferPointer { buffer in
            var reader = CBORReader(bytes: buffer)
            return try body(&reader)
        }
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { offset == bytes.count }

    /// Reads the head at the current offset and moves past it.
    ///
    /// - Throws: ``CBORError`` at the end of the input, for reserved additional information (28...30), or for a
    ///   truncated argument.
    @inline(__always)
    public mutating func readHead() throws(CBORError) -> Head {
        try Self.readHead(in: bytes, at: &offset)
    }

    /// Reads the head at `offset` in `bytes` and moves `offset` past it; the one head reader of the module (the
    /// decoder uses it too).
    @inline(__always)
    static func readHead(in bytes: UnsafeBufferPointer<UInt8>, at offset: inout Int) throws(CBORError) -> Head {
        guard offset < bytes.count else {
            throw CBORError.endOfInput(at: offset, expected: "a data item")
        }
        let initial = bytes[offset]
        let majorType = initial >> 5
        let additionalInfo = initial & 0x1f
        if additionalInfo < 24 {
            offset += 1
            return Head(majorType: majorType, additionalInfo: additionalInfo, argument: UInt64(additionalInfo))
        }
        let size: Int
        switch additionalInfo {
        case 24: size = 1
        case 25: size = 2
        case 26: size = 4
        case 27: size = 8
        case 31:
            offset += 1
            return Head(majorType: majorType, additionalInfo: 31, argument: 0)
        default:
            throw CBORError.reservedAdditionalInfo(at: offset, value: additionalInfo)
        }
        let available = bytes.count - offset - 1
        guard available >= size else {
            throw CBORError.truncatedArgument(at: offset, size: size, available: available)
        }
        var argument: UInt64 = 0
        var index = offset + 1
        let end = index + size
        while index < end {
            argument = argument << 8 | UInt64(bytes[index])
            index += 1
        }
        offset = end
        return Head(majorType: majorType, additionalInfo: additionalInfo, argument: argument)
    }

    /// Reads the content of a definite-length text string whose head (length `length`) was just read.
    ///
    /// - Throws: ``CBORError`` when fewer than `length` bytes remain or the content is not well-formed UTF-8.
    @inline(__always)
    public mutating func readText(length: UInt64) throws(CBORError) -> String {
        let available = bytes.count - offset
        guard length <= UInt64(available) else {
            throw CBORError.truncatedString(at: offset, length: length, available: available)
        }
        let range = offset..<(offset + Int(length))
        let content = UnsafeBufferPointer(rebasing: bytes[range])
        if let invalid = UTF8Validation.firstInvalidOffset(content) {
            throw CBORError.invalidUTF8(at: offset + invalid)
        }
        offset = range.upperBound
        return String(decoding: content, as: UTF8.self)
    }
}
