extension ECMARegexParser {
    /// What a backslash sequence stands for.
    enum Escape {
        case scalar(UInt32)
        case set(ECMAScalarSet)
        case wordBoundary(Bool)
    }

    /// After `\` outside a class.
    mutating func parseAtomEscape() throws(SyntaxError) -> ECMARegexNode {
        switch try parseEscape(inClass: false) {
        case .scalar(let scalar): return .scalar(scalar)
        case .set(let set): return .set(set)
        case .wordBoundary(let positive): return .wordBoundary(positive)
        }
    }

    /// Parses the escape after a backslash (already consumed).
    mutating func parseEscape(inClass: Bool) throws(SyntaxError) -> Escape {
        let start = index - 1
        guard let scalar = current else { throw SyntaxError(reason: "pattern ends with '\\'", offset: start) }
        index += 1
        switch scalar {
        case Self.ascii("d"): return .set(.digits)
        case Self.ascii("D"): return .set(ECMAScalarSet.digits.inverted)
        case Self.ascii("w"): return .set(.wordCharacters)
        case Self.ascii("W"): return .set(ECMAScalarSet.wordCharacters.inverted)
        case Self.ascii("s"): return .set(.whitespace)
        case Self.ascii("S"): return .set(ECMAScalarSet.whitespace.inverted)
        case Self.ascii("b"): return inClass ? .scalar(0x08) : .wordBoundary(true)
        case Self.ascii("B"):
            guard !inClass else { throw SyntaxError(reason: "'\\B' inside a class", offset: start) }
            return .wordBoundary(false)
        case Self.ascii("t"): return .scalar(0x09)
        case Self.ascii("n"): return .scalar(0x0A)
        case Self.ascii("v"): return .scalar(0x0B)
        case Self.ascii("f"): return .scalar(0x0C)
        case Self.ascii("r"): return .scalar(0x0D)
        case Self.ascii("0"):
            if let next = current, (0x30...0x39).contains(next) {
                throw SyntaxError(reason: "octal escapes are not supported", offset: start)
            }
            return .scalar(0)
        case 0x31...0x39, Self.ascii("k"):
            throw SyntaxError(reason: "backreferences are not supported", offset: start)
        case Self.ascii("p"), Self.ascii("P"):
            throw SyntaxError(reason: "Unicode property escapes are not supported", offset: start)
        case Self.ascii("c"):
            guard let letter = current, (0x41...0x5A).contains(letter) || (0x61...0x7A).contains(letter) else {
                throw SyntaxError(reason: "'\\c' must be followed by a letter", offset: start)
            }
            index += 1
            return .scalar(letter % 32)
        case Self.ascii("x"):
            guard let value = parseHexDigits(count: 2) else {
                throw SyntaxError(reason: "'\\x' must be followed by two hexadecimal digits", offset: start)
            }
            return .scalar(value)
        case Self.ascii("u"):
            return .scalar(try parseUnicodeEscape(start: start))
        default:
            // Identity escapes: any ASCII punctuation (syntax characters, '/', '-', ...) stands for itself.
            let isASCIILetterOrDigit = (0x30...0x39).contains(scalar) || (0x41...0x5A).contains(scalar)
                || (0x61...0x7A).contains(scalar)
            guard scalar < 0x80, !isASCIILetterOrDigit, scalar >= 0x20 else {
                throw SyntaxError(reason: "unknown escape", offset: start)
            }
            return .scalar(scalar)
        }
    }

    /// After `\u`: four hex digits (a surrogate pair written as two escapes is combined) or `{hex}`.
    mutating func parseUnicodeEscape(start: Int) throws(SyntaxError) -> UInt32 {
        if current == Self.ascii("{") {
            index += 1
            var value: UInt32 = 0
            var digits = 0
            while let scalar = current, let digit = Self.hexValue(scalar) {
                value = value * 16 + digit
                digits += 1
                index += 1
                guard value <= ECMAScalarSet.maxScalar else {
                    throw SyntaxError(reason: "code point above U+10FFFF", offset: start)
                }
            }
            guard digits > 0, current == Self.ascii("}") else {
                throw SyntaxError(reason: "malformed '\\u{...}' escape", offset: start)
            }
            index += 1
            return value
        }
        guard let value = parseHexDigits(count: 4) else {
            throw SyntaxError(reason: "'\\u' must be followed by four hexadecimal digits", offset: start)
        }
        if (0xD800...0xDBFF).contains(value), current == Self.ascii("\\"), peek(1) == Self.ascii("u") {
            let save = index
            index += 2
            if let low = parseHexDigits(count: 4), (0xDC00...0xDFFF).contains(low) {
                return 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            index = save
        }
        return value
    }

    mutating func parseHexDigits(count: Int) -> UInt32? {
        var value: UInt32 = 0
        for offset in 0..<count {
            guard let scalar = peek(offset), let digit = Self.hexValue(scalar) else { return nil }
            value = value * 16 + digit
        }
        index += count
        return value
    }

    static func hexValue(_ scalar: UInt32) -> UInt32? {
        switch scalar {
        case 0x30...0x39: return scalar - 0x30
        case 0x41...0x46: return scalar - 0x41 + 10
        case 0x61...0x66: return scalar - 0x61 + 10
        default: return nil
        }
    }

    /// After `[`: a class with ranges, escapes and optional negation.
    mutating func parseClass() throws(SyntaxError) -> ECMAScalarSet {
        let start = index - 1
        var negated = false
        if current == Self.ascii("^") {
            negated = true
            index += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        while true {
            guard let scalar = current else { throw SyntaxError(reason: "unterminated character class", offset: start) }
            if scalar == Self.ascii("]") {
                index += 1
                break
            }
            let low = try parseClassAtom()
            // A '-' between two single characters makes a range; anywhere else it is literal (Annex B).
            if current == Self.ascii("-"), let next = peek(1), next != Self.ascii("]") {
                let rangeStart = index
                index += 1
                let high = try parseClassAtom()
                switch (low, high) {
                case (.scalar(let lowScalar), .scalar(let highScalar)):
                    guard lowScalar <= highScalar else {
                        throw SyntaxError(reason: "class range out of order", offset: rangeStart)
                    }
                    ranges.append(lowScalar...highScalar)
                default:
                    ranges.append(contentsOf: Self.ranges(of: low))
                    ranges.append(0x2D...0x2D)
                    ranges.append(contentsOf: Self.ranges(of: high))
                }
            } else {
                ranges.append(contentsOf: Self.ranges(of: low))
            }
        }
        let set = ECMAScalarSet(ranges)
        return negated ? set.inverted : set
    }

    mutating func parseClassAtom() throws(SyntaxError) -> Escape {
        guard let scalar = current else { throw SyntaxError(reason: "unterminated character class", offset: index) }
        index += 1
        if scalar == Self.ascii("\\") {
            if current == Self.ascii("-") {
                index += 1
                return .scalar(0x2D)
            }
            return try parseEscape(inClass: true)
        }
        return .scalar(scalar)
    }

    static func ranges(of escape: Escape) -> [ClosedRange<UInt32>] {
        switch escape {
        case .scalar(let scalar): return [scalar...scalar]
        case .set(let set): return set.ranges
        case .wordBoundary: return []
        }
    }
}
