/// Base64url without padding (RFC 4648 section 5, as JOSE uses it, RFC 7515 section 2).
public enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = UInt8(value) }
        return table
    }()
    /// The 6-bit value of each byte already shifted to its place in a group of four characters: entries
    /// `0..<256` for the first character (value << 18), `256..<512` for the second (<< 12), then << 6 and << 0.
    /// A byte outside the alphabet maps to ``invalidBits``, so one test covers a whole group.
    private static let placedValues: [UInt32] = {
        var table = [UInt32](repeating: invalidBits, count: 4 * 256)
        for place in 0..<4 {
            for (value, character) in alphabet.enumerated() {
                table[place * 256 + Int(character)] = UInt32(value) << (18 - 6 * UInt32(place))
            }
        }
        return table
    }()
    /// Set in ``placedValues`` for bytes outside the alphabet; never set by a valid group's 24 bits.
    private static let invalidBits: UInt32 = 0xFF00_0000

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
        if let decoded = try text.utf8.withContiguousStorageIfAvailable({ try decode(bytes: $0) }) {
            return decoded
        }
        return try Array(text.utf8).withUnsafeBufferPointer { try decode(bytes: $0) }
    }

    /// Decodes base64url with or without `=` padding (up to two, making the length a multiple of 4), for formats
    /// outside JOSE that allow it (ICAO VDS-NC); otherwise the rules and errors of ``decode(_:)``.
    public static func decodeAllowingPadding(_ text: some StringProtocol) throws -> [UInt8] {
        var unpadded = Substring(text)
        var padding = 0
        while padding < 2, unpadded.utf8.last == UInt8(ascii: "=") {
            unpadded = unpadded.dropLast()
            padding += 1
        }
        guard padding == 0 || (unpadded.utf8.count + padding) % 4 == 0 else {
            throw JOSEError(
                .invalidBase64URL, "expected padding to a multiple of 4 characters, found \(padding) '=' after \(unpadded.utf8.count)")
        }
        return try decode(unpadded)
    }

    /// Decodes unpadded base64url straight from its ASCII bytes, four characters at a time, with the rules and
    /// errors of ``decode(_:)`` (offsets in messages count from the start of `input`).
    static func decode(bytes input: UnsafeBufferPointer<UInt8>) throws -> [UInt8] {
        let count = input.count
        guard count % 4 != 1 else {
            throw JOSEError(.invalidBase64URL, "expected unpadded base64url, found a length of \(count) (≡ 1 mod 4)")
        }
        let tail = count % 4
        let outputCount = count / 4 * 3 + (tail == 0 ? 0 : tail - 1)
        // Zero-filled rather than `init(unsafeUninitializedCapacity:)`, whose unspecialized path looks up array
        // metadata at run time on every call.
        var decoded = [UInt8](repeating: 0, count: outputCount)
        try placedValues.withUnsafeBufferPointer { placed in
            try decoded.withUnsafeMutableBufferPointer { output in
                var index = 0
                var written = 0
                while count - index >= 4 {
                    let n = placed[Int(input[index])] | placed[256 + Int(input[index + 1])]
                        | placed[512 + Int(input[index + 2])] | placed[768 + Int(input[index + 3])]
                    guard n & invalidBits == 0 else { throw invalidCharacter(in: input, from: index) }
                    output[written] = UInt8(truncatingIfNeeded: n >> 16)
                    output[written + 1] = UInt8(truncatingIfNeeded: n >> 8)
                    output[written + 2] = UInt8(truncatingIfNeeded: n)
                    index += 4
                    written += 3
                }
                guard tail >= 2 else { return }
                try values.withUnsafeBufferPointer { table in
                    let a = table[Int(input[index])], b = table[Int(input[index + 1])]
                    let c = tail == 3 ? table[Int(input[index + 2])] : 0
                    // Valid values are below 64; the invalid marker 0xFF has the high bit set.
                    guard (a | b | c) & 0x80 == 0 else { throw invalidCharacter(in: input, from: index) }
                    let n = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6
                    guard n & (tail == 2 ? 0xFFFF : 0xFF) == 0 else {
                        throw JOSEError(.invalidBase64URL, "expected zero bits after the last byte, found others")
                    }
                    output[written] = UInt8(truncatingIfNeeded: n >> 16)
                    if tail == 3 { output[written + 1] = UInt8(truncatingIfNeeded: n >> 8) }
                }
            }
        }
        return decoded
    }

    /// The error for the first byte at or after `start` that is not in the alphabet.
    private static func invalidCharacter(in input: UnsafeBufferPointer<UInt8>, from start: Int) -> JOSEError {
        let offset = input[start...].firstIndex { values[Int($0)] == 0xFF } ?? start
        return JOSEError(
            .invalidBase64URL, "expected a base64url character at offset \(offset), found byte \(input[offset])")
    }
}
