/// Base45 (RFC 9285): the encoding of binary data into the QR alphanumeric character set.
///
/// Two bytes `[a, b]` become `n = a * 256 + b`, written as three characters `c d e` with
/// `n = c + 45 * d + 45² * e`; a final single byte becomes two characters.
public enum Base45 {
    /// The alphabet, in value order: `0-9`, `A-Z`, space and `$%*+-./:`.
    public static let alphabet: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    /// Maps an ASCII byte to its Base45 value, or 0xFF when it is not in the alphabet.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = UInt8(value) }
        return table
    }()

    /// Default limit on the encoded length: far above what fits in a QR code (4,296 characters at version 40-L).
    public static let defaultMaxLength = 16_384

    /// Encodes bytes as Base45 text.
    public static func encode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        String(decoding: encodeToASCII(bytes), as: UTF8.self)
    }

    /// Encodes bytes as Base45 ASCII bytes.
    public static func encodeToASCII<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count / 2) * 3 + 2)
        var iterator = bytes.makeIterator()
        while let first = iterator.next() {
            if let second = iterator.next() {
                var n = Int(first) << 8 | Int(second)
                output.append(alphabet[n % 45]); n /= 45
                output.append(alphabet[n % 45]); n /= 45
                output.append(alphabet[n])
            } else {
                let n = Int(first)
                output.append(alphabet[n % 45])
                output.append(alphabet[n / 45])
            }
        }
        return output
    }

    /// Decodes Base45 text.
    ///
    /// - Throws: ``Base45Error`` for characters outside the alphabet, a length ≡ 1 (mod 3),
    ///   out-of-range groups, or text longer than `maxLength`.
    public static func decode(_ text: Substring, maxLength: Int = defaultMaxLength) throws -> [UInt8] {
        var text = text
        return try text.withUTF8 { try decode(ascii: $0, maxLength: maxLength) }
    }

    /// Decodes Base45 text.
    public static func decode(_ text: String, maxLength: Int = defaultMaxLength) throws -> [UInt8] {
        try decode(Substring(text), maxLength: maxLength)
    }

    /// Decodes Base45 from ASCII bytes.
    public static func decode<Bytes: Collection>(
        ascii: Bytes, maxLength: Int = defaultMaxLength
    ) throws -> [UInt8] where Bytes.Element == UInt8, Bytes.Index == Int {
        if let decoded = try ascii.withContiguousStorageIfAvailable({ try decode(buffer: $0, maxLength: maxLength) }) {
            return decoded
        }
        return try Array(ascii).withUnsafeBufferPointer { try decode(buffer: $0, maxLength: maxLength) }
    }

    /// The decoding loop over contiguous ASCII (on the verification hot path: no per-character calls or throws).
    private static func decode(buffer: UnsafeBufferPointer<UInt8>, maxLength: Int) throws -> [UInt8] {
        let count = buffer.count
        guard count <= maxLength else {
            throw Base45Error(.tooLarge, "expected at most \(maxLength) characters, found \(count)")
        }
        guard count % 3 != 1 else {
            throw Base45Error(.invalidLength, "expected a length of 3n or 3n+2 characters, found \(count)")
        }
        let outputCount = count / 3 * 2 + (count % 3 == 2 ? 1 : 0)
        var failure: (offset: Int, kind: Base45Error.Code, value: Int)?
        // Zero-filled through reserve and append: `init(unsafeUninitializedCapacity:)` is not specialized and
        // looks up array metadata at run time on every call.
        var output: [UInt8] = []
        output.reserveCapacity(outputCount)
        output.append(contentsOf: repeatElement(0, count: outputCount))
        output.withUnsafeMutableBufferPointer { out in
            values.withUnsafeBufferPointer { table in
                var index = 0
                var written = 0
                while index + 3 <= count {
                    let c = table[Int(buffer[index])]
                    let d = table[Int(buffer[index + 1])]
                    let e = table[Int(buffer[index + 2])]
                    // 0xFF marks a byte outside the alphabet.
                    guard c != 0xFF, d != 0xFF, e != 0xFF else {
                        failure = (index + (c == 0xFF ? 0 : d == 0xFF ? 1 : 2), .invalidCharacter, 0)
                        break
                    }
                    let n = Int(c) + Int(d) * 45 + Int(e) * 2025
                    guard n <= 0xFFFF else {
                        failure = (index, .valueOutOfRange, n)
                        break
                    }
                    out[written] = UInt8(truncatingIfNeeded: n >> 8)
                    out[written + 1] = UInt8(truncatingIfNeeded: n)
                    written += 2
                    index += 3
                }
                if failure == nil, index + 2 == count {
                    let c = table[Int(buffer[index])]
                    let d = table[Int(buffer[index + 1])]
                    if c == 0xFF || d == 0xFF {
                        failure = (index + (c == 0xFF ? 0 : 1), .invalidCharacter, 0)
                    } else if Int(c) + Int(d) * 45 > 0xFF {
                        failure = (index, .valueOutOfRange, Int(c) + Int(d) * 45)
                    } else {
                        out[written] = UInt8(Int(c) + Int(d) * 45)
                        written += 1
                    }
                }
            }
        }
        if let failure {
            switch failure.kind {
            case .invalidCharacter:
                throw Base45Error(
                    .invalidCharacter,
                    "expected a Base45 alphabet character at offset \(failure.offset), found byte \(buffer[failure.offset])")
            case .valueOutOfRange where failure.offset + 2 == count:
                throw Base45Error(
                    .valueOutOfRange,
                    "expected a final pair value at most 255 at offset \(failure.offset), found \(failure.value)")
            default:
                throw Base45Error(
                    .valueOutOfRange,
                    "expected a triplet value at most 65535 at offset \(failure.offset), found \(failure.value)")
            }
        }
        return output
    }
}
