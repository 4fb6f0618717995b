/// A parsed ECMA-262 regular expression (the subset JSON Schema patterns need).
indirect enum ECMARegexNode: Sendable {
    case empty
    case scalar(UInt32)
    case set(ECMAScalarSet)
    case inputStart
    case inputEnd
    case wordBoundary(Bool)
    case concatenation([ECMARegexNode])
    case alternation([ECMARegexNode])
    case repetition(ECMARegexNode, min: Int, max: Int?, greedy: Bool)

    /// Whether the node can match without consuming input.
    var isNullable: Bool {
        switch self {
        case .empty, .inputStart, .inputEnd, .wordBoundary: return true
        case .scalar, .set: return false
        case .concatenation(let nodes): return nodes.allSatisfy(\.isNullable)
        case .alternation(let nodes): return nodes.contains(where: \.isNullable)
        case .repetition(let node, let min, _, _): return min == 0 || node.isNullable
        }
    }

    /// Whether every match must start at the beginning of the input (the pattern starts with `^`).
    var isAnchoredAtStart: Bool {
        switch self {
        case .inputStart: return true
        case .concatenation(let nodes): return nodes.first?.isAnchoredAtStart ?? false
        case .alternation(let nodes): return !nodes.isEmpty && nodes.allSatisfy(\.isAnchoredAtStart)
        case .repetition(let node, let min, _, _): return min > 0 && node.isAnchoredAtStart
        default: return false
        }
    }
}

/// Parses ECMA-262 pattern syntax: literals, `.`, escapes, classes, `^ $ \b \B`, groups, alternation and
/// greedy or lazy quantifiers. Backreferences, lookaround and Unicode property escapes are refused.
struct ECMARegexParser {
    /// Largest `{n}` / `{n,m}` count accepted.
    static let maxRepeatCount = 1_000
    /// Deepest group nesting accepted.
    static let maxGroupDepth = 64

    struct SyntaxError: Error {
        let reason: String
        let offset: Int
    }

    let scalars: [UInt32]
    var index = 0
    var groupDepth = 0

    init(_ pattern: String) {
        scalars = pattern.unicodeScalars.map(\.value)
    }

    static func parse(_ pattern: String) throws(SyntaxError) -> ECMARegexNode {
        var parser = ECMARegexParser(pattern)
        let node = try parser.parseDisjunction()
        guard parser.index == parser.scalars.count else {
            throw SyntaxError(reason: "unmatched ')'", offset: parser.index)
        }
        return node
    }

    var current: UInt32? { index < scalars.count ? scalars[index] : nil }

    func peek(_ offset: Int) -> UInt32? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    static func ascii(_ character: Unicode.Scalar) -> UInt32 { character.value }

    mutating func parseDisjunction() throws(SyntaxError) -> ECMARegexNode {
        var alternatives = [try parseAlternative()]
        while current == Self.ascii("|") {
            index += 1
            alternatives.append(try parseAlternative())
        }
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    mutating func parseAlternative() throws(SyntaxError) -> ECMARegexNode {
        var terms: [ECMARegexNode] = []
        while let scalar = current, scalar != Self.ascii("|"), scalar != Self.ascii(")") {
            let start = index
            let atom = try parseAtom()
            if let quantified = try parseQuantifier(on: atom, atomStart: start) {
                terms.append(quantified)
            } else {
                terms.append(atom)
            }
        }
        switch terms.count {
        case 0: return .empty
        case 1: return terms[0]
        default: return .concatenation(terms)
        }
    }

    mutating func parseAtom() throws(SyntaxError) -> ECMARegexNode {
        guard let scalar = current else { throw SyntaxError(reason: "unexpected end of pattern", offset: index) }
        let start = index
        index += 1
        switch scalar {
        case Self.ascii("^"): return .inputStart
        case Self.ascii("$"): return .inputEnd
        case Self.ascii("."): return .set(.dot)
        case Self.ascii("["): return .set(try parseClass())
        case Self.ascii("("): return try parseGroup(start: start)
        case Self.ascii("\\"): return try parseAtomEscape()
        case Self.ascii("*"), Self.ascii("+"), Self.ascii("?"):
            throw SyntaxError(reason: "quantifier without anything to repeat", offset: start)
        case Self.ascii("{"):
            index = start
            if (try? parseBraceQuantifierBounds()) != nil {
                throw SyntaxError(reason: "quantifier without anything to repeat", offset: start)
            }
            index = start + 1
            return .scalar(scalar)
        default:
            return .scalar(scalar)
        }
    }

    mutating func parseGroup(start: Int) throws(SyntaxError) -> ECMARegexNode {
        guard groupDepth < Self.maxGroupDepth else {
            throw SyntaxError(reason: "groups nested deeper than \(Self.maxGroupDepth)", offset: start)
        }
        if current == Self.ascii("?") {
            switch peek(1) {
            case Self.ascii(":"):
                index += 2
            case Self.ascii("<") where peek(2) != Self.ascii("=") && peek(2) != Self.ascii("!"):
                index += 2
                while let scalar = current, scalar != Self.ascii(">") { index += 1 }
                guard current == Self.ascii(">") else {
                    throw SyntaxError(reason: "unterminated group name", offset: start)
                }
                index += 1
            default:
                throw SyntaxError(reason: "lookaround assertions are not supported", offset: start)
            }
        }
        groupDepth += 1
        let body = try parseDisjunction()
        groupDepth -= 1
        guard current == Self.ascii(")") else { throw SyntaxError(reason: "unterminated group", offset: start) }
        index += 1
        switch body {
        case .inputStart, .inputEnd, .wordBoundary:
            // A group is an atom and may be repeated even if it holds only an assertion: `(\b)*`.
            return .concatenation([body])
        default:
            return body
        }
    }

    mutating func parseQuantifier(on atom: ECMARegexNode, atomStart: Int) throws(SyntaxError) -> ECMARegexNode? {
        guard let scalar = current else { return nil }
        let start = index
        let bounds: (min: Int, max: Int?)
        switch scalar {
        case Self.ascii("*"): index += 1; bounds = (0, nil)
        case Self.ascii("+"): index += 1; bounds = (1, nil)
        case Self.ascii("?"): index += 1; bounds = (0, 1)
        case Self.ascii("{"):
            guard let parsed = try parseBraceQuantifierBounds() else { return nil }
            bounds = parsed
        default:
            return nil
        }
        switch atom {
        case .inputStart, .inputEnd, .wordBoundary:
            throw SyntaxError(reason: "an assertion cannot be repeated", offset: start)
        default: break
        }
        var greedy = true
        if current == Self.ascii("?") {
            greedy = false
            index += 1
        }
        return .repetition(atom, min: bounds.min, max: bounds.max, greedy: greedy)
    }

    /// Parses `{n}`, `{n,}` or `{n,m}` at `index`; returns `nil` (index unchanged) when the brace does not
    /// start a quantifier, in which case it is a literal (ECMA-262 Annex B).
    mutating func parseBraceQuantifierBounds() throws(SyntaxError) -> (min: Int, max: Int?)? {
        let start = index
        index += 1
        guard let minimum = parseDecimal() else {
            index = start
            return nil
        }
        var maximum: Int? = minimum
        if current == Self.ascii(",") {
            index += 1
            maximum = parseDecimal()
            if maximum == nil, current != Self.ascii("}") {
                index = start
                return nil
            }
        }
        guard current == Self.ascii("}") else {
            index = start
            return nil
        }
        index += 1
        if let maximum, maximum < minimum {
            throw SyntaxError(reason: "quantifier range out of order", offset: start)
        }
        guard minimum <= Self.maxRepeatCount, (maximum ?? 0) <= Self.maxRepeatCount else {
            throw SyntaxError(reason: "repeat count above \(Self.maxRepeatCount)", offset: start)
        }
        return (minimum, maximum)
    }

    mutating func parseDecimal() -> Int? {
        var value: Int?
        while let scalar = current, (0x30...0x39).contains(scalar) {
            value = min((value ?? 0) * 10 + Int(scalar - 0x30), 1_000_000)
            index += 1
        }
        return value
    }
}
