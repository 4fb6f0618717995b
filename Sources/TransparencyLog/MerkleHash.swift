/// A 32-byte SHA-256 value in the log's Merkle tree: a leaf hash, an interior node hash or a root.
///
/// Stored inline (four machine words, no heap allocation), so that an array of hashes is one flat buffer of
/// 32 bytes per element. `description` is the lower-case hex of the bytes.
public struct MerkleHash: Hashable, Sendable, CustomStringConvertible {
    /// The number of bytes in a hash (SHA-256).
    public static let byteCount = 32

    /// The bytes in memory order (each word holds 8 consecutive bytes as loaded, whatever the host byte order).
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// A hash from exactly 32 bytes; `nil` for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        Swift.withUnsafeMutableBytes(of: &words) { raw in
            for (offset, byte) in bytes.enumerated() { raw[offset] = byte }
        }
        self.words = words
    }

    /// A hash from 64 hex digits (upper or lower case); `nil` for anything else.
    public init?(hex: some StringProtocol) {
        let digits = Array(hex.utf8)
        guard digits.count == 2 * Self.byteCount else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.byteCount)
        var index = 0
        while index < digits.count {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        self.init(bytes: bytes)
    }

    /// A hash from the first 32 bytes of a raw buffer (the caller guarantees there are at least 32).
    internal init(unsafeBytes raw: UnsafeRawBufferPointer) {
        words = (
            raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
            raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
            raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self),
            raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
        )
    }

    /// The 32 bytes.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Calls `body` with the 32 bytes, without copying them into an array.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try Swift.withUnsafeBytes(of: words, body)
    }

    /// Lower-case hex of the 32 bytes.
    public var description: String {
        let table = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(2 * Self.byteCount)
        withUnsafeBytes { raw in
            for byte in raw {
                text.append(table[Int(byte >> 4)])
                text.append(table[Int(byte & 0x0F)])
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Hashes are equal when all 32 bytes are.
    public static func == (lhs: MerkleHash, rhs: MerkleHash) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2
            && lhs.words.3 == rhs.words.3
    }

    /// Hashes the 32 bytes.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
