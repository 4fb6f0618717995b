import GS1

/// Canonical forms of member values in the CBV 2.0 pre-hash string.
enum EPCISValueCanonicaliser {
    /// Old CBV 1.x URNs and their web-vocabulary replacements.
    static let urnPrefixes: [(String, String)] = [
        ("urn:epcglobal:cbv:bizstep:", "https://ref.gs1.org/cbv/BizStep-"),
        ("urn:epcglobal:cbv:disp:", "https://ref.gs1.org/cbv/Disp-"),
        ("urn:epcglobal:cbv:btt:", "https://ref.gs1.org/cbv/BTT-"),
        ("urn:epcglobal:cbv:sdt:", "https://ref.gs1.org/cbv/SDT-"),
        ("urn:epcglobal:cbv:er:", "https://ref.gs1.org/cbv/ER-"),
    ]

    /// Canonical value: timestamps of `*time*` members (not offsets) in UTC with milliseconds; otherwise CBV URNs
    /// to web vocabulary, numeric text without redundant zeros, GS1 identifiers to canonical Digital Link.
    static func canonical(name: String, value: String) -> String {
        if isTimeName(name) {
            return EPCISTimestamp.canonical(value) ?? value
        }
        var text = value
        if text.hasPrefix("urn:epcglobal:cbv:") {
            for (urn, web) in urnPrefixes where text.hasPrefix(urn) {
                text = web + text.dropFirst(urn.utf8.count)
                break
            }
        }
        if let numeric = numericText(text) { return numeric }
        return DigitalLinkNormaliser.normalise(text) ?? text
    }

    /// Whether a member name contains `time` but not `offset` (ASCII case-insensitive).
    static func isTimeName(_ name: String) -> Bool {
        func contains(_ word: [UInt8]) -> Bool {
            let bytes = Array(name.utf8)
            guard bytes.count >= word.count else { return false }
            for start in 0...(bytes.count - word.count) {
                var match = true
                for k in 0..<word.count where bytes[start + k] | 0x20 != word[k] {
                    match = false
                    break
                }
                if match { return true }
            }
            return false
        }
        return contains(Array("time".utf8)) && !contains(Array("offset".utf8))
    }

    /// Removes leading and trailing white space (space, tab, CR, LF, FF, VT).
    static func trim(_ text: String) -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || (0x09...0x0D).contains($0) }
        let bytes = Array(text.utf8)
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return "" }
        if first == 0 && last == bytes.count - 1 { return text }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }

    /// The canonical form of a text that is a decimal number (`+007.50` -> `7.5`, `1e3` -> `1000`), else `nil`.
    static func numericText(_ text: String) -> String? {
        guard let first = text.utf8.first,
            (first >= 48 && first <= 57) || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
                || first == UInt8(ascii: ".")
        else { return nil }
        let b = Array(text.utf8)
        var i = 0
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        var mantissaDigits = 0
        while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1; mantissaDigits += 1 }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1; mantissaDigits += 1 }
        }
        guard mantissaDigits > 0 else { return nil }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            var expDigits = 0
            while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1; expDigits += 1 }
            guard expDigits > 0 else { return nil }
        }
        guard i == b.count, b.count <= 400, let value = Double(text) else { return nil }
        return number(value, exactInteger: nil) 
    }

    /// A number as the reference writes it: integral values without fraction, others in shortest round-trip form.
    static func number(_ value: Double, exactInteger: Int64?) -> String {
        if let exactInteger, exactInteger.magnitude <= (1 << 53) { return String(exactInteger) }
        guard value.isFinite else { return String(value) }
        if value == value.rounded() {
            if value.magnitude < 9.0e18 { return String(Int64(value)) }
            return exactIntegerText(value)
        }
        return String(value)
    }

    /// The exact decimal digits of an integral double of any magnitude (as Python's `int(float)` prints them).
    static func exactIntegerText(_ value: Double) -> String {
        // value = significand * 2^exponent with an integral significand.
        var limbs: [UInt64] = [value.significandBitPattern | (value.isNormal ? 1 << 52 : 0)]  // base 1e9, little endian
        let base: UInt64 = 1_000_000_000
        var normalised: [UInt64] = []
        var carry = limbs[0]
        while carry > 0 {
            normalised.append(carry % base)
            carry /= base
        }
        limbs = normalised.isEmpty ? [0] : normalised
        let shift = Int(value.exponent) - 52
        for _ in 0..<max(0, shift) {
            var c: UInt64 = 0
            for i in limbs.indices {
                let v = limbs[i] * 2 + c
                limbs[i] = v % base
                c = v / base
            }
            if c > 0 { limbs.append(c) }
        }
        var text = String(limbs.last ?? 0)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return (value < 0 ? "-" : "") + text
    }
}
