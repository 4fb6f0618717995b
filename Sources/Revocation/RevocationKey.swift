import Crypto

/// What a revocation list names: a hash type and the first 16 bytes of a SHA-256 digest.
///
/// Keys order by type code, then by hash bytes (as unsigned big-endian numbers); that is the order of the records
/// in an encoded snapshot. The hash is kept as two 64-bit halves so that comparisons are two integer compares.
public struct RevocationKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The number of hash bytes a key keeps.
    public static let hashLength = 16

    /// What the hash was computed from.
    public let type: RevocationHashType
    /// Hash bytes 0..<8 as a big-endian integer.
    let high: UInt64
    /// Hash bytes 8..<16 as a big-endian integer.
    let low: UInt64

    init(type: RevocationHashType, high: UInt64, low: UInt64) {
        self.type = type
        self.high = high
        self.low = low
    }

    /// The key of `bytes`: SHA-256 over them, truncated to the first 16 bytes.
    public init(type: RevocationHashType, hashing bytes: some Sequence<UInt8>) {
        var hasher = SHA256()
        Array(bytes).withUnsafeBytes { hasher.update(bufferPointer: $0) }
        let digest = Array(hasher.finalize())
        self.init(type: type, high: Self.bigEndianWord(digest, at: 0), low: Self.bigEndianWord(digest, at: 8))
    }

    /// A key from an already truncated hash (for example a gateway batch entry after base64 decoding), or nil
    /// when `hash` is not exactly 16 bytes.
    public init?(type: RevocationHashType, truncatedHash hash: some Collection<UInt8>) {
        let bytes = Array(hash)
        guard bytes.count == Self.hashLength else { return nil }
        self.init(type: type, high: Self.bigEndianWord(bytes, at: 0), low: Self.bigEndianWord(bytes, at: 8))
    }

    /// The 16 hash bytes.
    public var hash: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.hashLength)
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: high >> UInt64(shift))) }
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: low >> UInt64(shift))) }
        return bytes
    }

    /// The type name and the hash in lower-case hex (hashes are not personal data, but they identify one
    /// certificate: keep them out of logs that leave the verifier).
    public var description: String {
        let digits: [Character] = Array("0123456789abcdef")
        var text = type.rawValue + ":"
        for byte in hash {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }

    /// Orders by type code, then by hash bytes.
    public static func < (lhs: RevocationKey, rhs: RevocationKey) -> Bool {
        if lhs.type.code != rhs.type.code { return lhs.type.code < rhs.type.code }
        if lhs.high != rhs.high { return lhs.high < rhs.high }
        return lhs.low < rhs.low
    }

    /// Eight bytes of `bytes` from `offset` as a big-endian integer; `bytes` must hold them.
    static func bigEndianWord(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in offset..<(offset + 8) { value = value << 8 | UInt64(bytes[index]) }
        return value
    }
}
