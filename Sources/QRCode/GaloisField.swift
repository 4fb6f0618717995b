/// Arithmetic in GF(256) with the QR code's primitive polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D), by tables.
enum GaloisField {
    /// `exp[i]` = α^i for i in 0..<512 (doubled so that the sum of two logarithms needs no reduction).
    static let exp: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 512)
        var value = 1
        for index in 0..<255 {
            table[index] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        for index in 255..<512 { table[index] = table[index - 255] }
        return table
    }()

    /// `log[x]` for x in 1...255; `log[0]` is unused (0).
    static let log: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for index in 0..<255 { table[Int(exp[index])] = UInt8(index) }
        return table
    }()

    /// The product of two field elements.
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return exp[Int(log[Int(a)]) + Int(log[Int(b)])]
    }
}
