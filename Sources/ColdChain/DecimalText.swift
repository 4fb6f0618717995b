/// Strict parsing of the decimal numbers in logger files and CSV rows: an optional sign, digits, and an
/// optional fraction with at least one digit (`+8.0`, `-0.5`, `12`). No exponents, no `nan`/`inf`.
enum DecimalText {
    /// The value, or nil when the text is not such a number (or longer than 32 characters).
    static func parse(_ text: Substring) -> Double? {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= 32 else { return nil }
        var index = bytes.startIndex
        if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            index = bytes.index(after: index)
        }
        var integerDigits = 0
        var fractionDigits = 0
        var seenPoint = false
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                if seenPoint { fractionDigits += 1 } else { integerDigits += 1 }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
            index = bytes.index(after: index)
        }
        guard integerDigits > 0, !seenPoint || fractionDigits > 0 else { return nil }
        return Double(String(text))
    }

    /// A non-negative integer of at most 9 digits.
    static func parseCount(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 9,
              text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return Int(text)
    }
}
