/// Base64url (RFC 4648 section 5), as the seal's `cer` and `sigvl` use it: written without padding; read with
/// or without `=` padding, rejecting the `+` `/` alphabet, whitespace and non-zero trailing bits.
enum VDSNCBase64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    /// The 6-bit value of each byte, 0xFF for bytes outside the alphabet.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = UInt8(value) }
        return table
    }()

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var group: UInt32 = 0
            for offset in 0..<3 { group = group << 8 | UInt32(offset < count ? bytes[index + offset] : 0) }
            for position in 0...count { output.append(alphabet[Int(group >> UInt32(18 - 6 * position) & 63)]) }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes `text`; nil for anything that is not base64url.
    static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { decode(bytes: $0) }
    }

    /// Decodes UTF-8 bytes four characters at a time into a buffer of the exact size; nil for anything that is
    /// not base64url (see the type's rules).
    static func decode(bytes input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var count = input.count
        var padding = 0
        while count > 0, input[count - 1] == UInt8(ascii: "="), padding < 2 {
            count -= 1
            padding += 1
        }
        let remainder = count % 4
        guard remainder != 1, padding == 0 || (count + padding) % 4 == 0 else { return nil }
        let outputCount = count / 4 * 3 + (remainder == 0 ? 0 : remainder - 1)
        return values.withUnsafeBufferPointer { table -> [UInt8]? in
            var valid = true
            let output = [UInt8](unsafeUninitializedCapacity: outputCount) { buffer, initialized in
                var read = 0
                var written = 0
                while read + 4 <= count {
                    let a = table[Int(input[read])]
                    let b = table[Int(input[read + 1])]
                    let c = table[Int(input[read + 2])]
                    let d = table[Int(input[read + 3])]
                    guard (a | b | c | d) & 0xC0 == 0 else {
                        valid = false
                        break
                    }
                    let group = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                    buffer[written] = UInt8(truncatingIfNeeded: group >> 16)
                    buffer[written + 1] = UInt8(truncatingIfNeeded: group >> 8)
                    buffer[written + 2] = UInt8(truncatingIfNeeded: group)
                    read += 4
                    written += 3
                }
                if valid, remainder > 0 {
                    var group: UInt32 = 0
                    for offset in 0..<remainder {
                        let value = table[Int(input[read + offset])]
                        if value == 0xFF { valid = false }
                        group = group << 6 | UInt32(value & 0x3F)
                    }
                    // 2 characters: 12 bits, one byte and 4 trailing bits; 3 characters: 18 bits, two bytes and 2.
                    let trailing = remainder == 2 ? 4 : 2
                    if group & ((1 << UInt32(trailing)) - 1) != 0 { valid = false }
                    group >>= UInt32(trailing)
                    for offset in 0..<(remainder - 1) {
                        buffer[written + offset] = UInt8(
                            truncatingIfNeeded: group >> UInt32(8 * (remainder - 2 - offset)))
                    }
                    written += remainder - 1
                }
                initialized = valid ? written : 0
            }
            return valid ? output : nil
        }
    }
}
