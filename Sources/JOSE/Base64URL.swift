/// Base64url without padding (RFC 4648 section 5, as JOSE uses it, RFC 7515 section 2).
public enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = UInt8(value) }
        return table
    }()

    /// Encodes bytes without padding.
    public static func encode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var iterator = bytes.makeIterator()
        while let a = iterator.next() {
            let b = iterator.next()
            let c = iterator.next()
            let n = UInt32(a) << 16 | UInt32(b ?? 0) << 8 | UInt32(c ?? 0)
            output.append(alphabet[Int(n >> 18 & 63)])
            output.append(alphabet[Int(n >> 12 & 63)])
            if b != nil { output.append(alphabet[Int(n >> 6 & 63)]) }
            if c != nil { output.append(alphabet[Int(n & 63)]) }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes unpadded base64url; rejects padding, other alphabets, a length ≡ 1 (mod 4) and non-zero
    /// trailing bits (so that every byte string has exactly one encoding).
    public static func decode(_ text: some StringProtocol) throws -> [UInt8] {
        let input = Array(text.utf8)
        guard input.count % 4 != 1 else {
            throw JOSEError(.invalidBase64URL, "expected unpadded base64url, found a length of \(input.count) (≡ 1 mod 4)")
        }
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for (offset, character) in input.enumerated() {
            let value = values[Int(character)]
            guard value != 0xFF else {
                throw JOSEError(.invalidBase64URL, "expected a base64url character at offset \(offset), found byte \(character)")
            }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        guard accumulator & ((1 << UInt32(bits)) - 1) == 0 else {
            throw JOSEError(.invalidBase64URL, "expected zero bits after the last byte, found others")
        }
        return output
    }
}
