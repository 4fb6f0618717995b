import JSONSchema
import Testing

/// The backtracking matcher behind `pattern` (package API), with JSON Schema search semantics.
struct ECMARegexTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let pattern: String
        let input: String
        let matches: Bool
        var testDescription: String { "/\(pattern)/ on \(input.debugDescription)" }
    }

    static func match(_ pattern: String, _ input: String) -> Case { Case(pattern: pattern, input: input, matches: true) }
    static func miss(_ pattern: String, _ input: String) -> Case { Case(pattern: pattern, input: input, matches: false) }

    static let cases: [Case] = [
        // Search, not full match, unless anchored.
        match("b", "abc"), miss("^b", "abc"), match("c$", "abc"), miss("b$", "abc"), match("^abc$", "abc"),
        miss("^abc$", "abcd"), match("", ""), match("", "x"), miss("^$", "x"), match("^$", ""),
        match("[A-Z]{1,10}", "xxNLxx"), miss("^[A-Z]{1,10}$", "xxNLxx"), match("^[A-Z]{1,10}$", "UNHCR"),
        miss("^[A-Z]{1,10}$", "ABCDEFGHIJK"),
        // DCC schema patterns.
        match(#"^\d+.\d+.\d+$"#, "1.3.0"), match(#"^\d+.\d+.\d+$"#, "10x3y0"), miss(#"^\d+.\d+.\d+$"#, "1.3"),
        miss(#"^\d+\.\d+\.\d+$"#, "10x3y0"),
        match(#"^((19|20)\d\d(-\d\d){0,2}){0,1}$"#, ""), match(#"^((19|20)\d\d(-\d\d){0,2}){0,1}$"#, "1964"),
        match(#"^((19|20)\d\d(-\d\d){0,2}){0,1}$"#, "1964-01"), match(#"^((19|20)\d\d(-\d\d){0,2}){0,1}$"#, "2099-12-31"),
        miss(#"^((19|20)\d\d(-\d\d){0,2}){0,1}$"#, "1809-02-28"), miss(#"^((19|20)\d\d(-\d\d){0,2}){0,1}$"#, "2100-01-01"),
        miss(#"^((19|20)\d\d(-\d\d){0,2}){0,1}$"#, "1964-01-01-01"), miss(#"^((19|20)\d\d(-\d\d){0,2}){0,1}$"#, "64"),
        match(#"(19|20)\d{2}-\d{2}-\d{2}"#, "born 1964-01-01!"), match("^[A-Z<]*$", "DCERVENKOVA<PANKLOVA"),
        miss("^[A-Z<]*$", "DČERVENKOVÁ"),
        // Classes.
        match("^[a-c]+$", "abcba"), miss("^[a-c]+$", "abcd"), match("^[^0-9]+$", "abc"), miss("^[^0-9]+$", "a1c"),
        match(#"^[\d.]+$"#, "1.5"), match("^[-a]+$", "a-a"), match("^[a-]+$", "-a-"), match(#"^[\]]$"#, "]"),
        match(#"^[\\]$"#, "\\"), match(#"^[\w]+$"#, "a_Z9"), miss(#"^\w$"#, "é"), match(#"^\W$"#, "é"),
        match(#"^\s$"#, "\u{A0}"), match(#"^\s$"#, "\u{3000}"), miss(#"^\S$"#, "\t"), match(#"^\D$"#, "x"),
        miss(#"^\d$"#, "٣"), match(#"^[\d-z]+$"#, "1-z"), match("^[é-ü]$", "ñ"), miss("^[é-ü]$", "e"),
        match(#"^[\u0041-\u005A]$"#, "Q"), match(#"^[\b]$"#, "\u{8}"),
        // The dot.
        match("^.$", "é"), match("^.$", "😀"), miss("^.$", "\n"), miss("^.$", "\u{2028}"), match("^..$", "e\u{301}"),
        // Quantifiers.
        match("^a{2}$", "aa"), miss("^a{2}$", "aaa"), match("^a{2,}$", "aaaa"), miss("^a{2,}$", "a"),
        match("^a{2,3}$", "aaa"), miss("^a{2,3}$", "aaaa"), match("^a{0}$", ""), match("^(ab)*$", "ababab"),
        miss("^(ab)*$", "aba"), match("^(?:ab)+c$", "ababc"), match("^a+?b$", "aaab"), match("^a*?$", "aaa"),
        match("^a??b$", "ab"), match("^x{1,2}?y$", "xxy"),
        // Alternation and groups.
        match("^(cat|dog)$", "dog"), miss("^(cat|dog)$", "cow"), match("^(a|ab)(c|bcd)(d*)$", "abcd"),
        match("^a|b$", "ax"), match("^a|b$", "xb"), miss("^a|b$", "xa"), match("^(|a)b$", "b"),
        match("^(?<year>\\d{4})$", "2021"),
        // Empty iterations terminate.
        miss("^(a*)*$", "b"), match("^(a*)*$", "aaa"), match("^(a|)*$", "aaa"), match("^(a?)*$", "aaa"),
        miss("^(a*)+b$", "aaa"), match("(a*)*b", "aaab"), match("^(?:a*|b)*c$", "ababc"),
        // Escapes.
        match(#"^\.$"#, "."), miss(#"^\.$"#, "x"), match(#"^\-\/\(\)\[\]\{\}\*\+\?\|\^\$$"#, "-/()[]{}*+?|^$"),
        match(#"^\u00e9$"#, "é"), match(#"^\x41$"#, "A"), match(#"^\t\n$"#, "\t\n"), match(#"^\ud83d\ude00$"#, "😀"),
        match(#"^\u{1F600}$"#, "😀"), match(#"^\cJ$"#, "\n"), match(#"^\0$"#, "\0"),
        // Braces that are not quantifiers are literals (ECMA-262 Annex B).
        match("^a{$", "a{"), match("^{abc}$", "{abc}"), match("^x{1,2$", "x{1,2"), match("^a{,2}$", "a{,2}"),
        // Word boundaries.
        match(#"\bfoo\b"#, "a foo b"), miss(#"\bfoo\b"#, "afoob"), match(#"\Boo\B"#, "afoob"), match(#"^\b"#, "a"),
        miss(#"^\b"#, " "),
        // A group holding only an assertion is an atom and may be quantified.
        match(#"^(\b)*a"#, "a"), match(#"x(\b){2}$"#, "x"), miss(#"x(\b){2}y"#, "xy"), match("^(^)*b$", "b"),
        match("^(?:$)+", ""),
    ]

    @Test(arguments: cases)
    func matching(_ testCase: Case) throws {
        let regex = try ECMARegex(testCase.pattern)
        #expect(regex.matches(testCase.input) == testCase.matches)
    }

    @Test(arguments: ["^(a+)+$", "^(a|a)*$", "^(a|aa)+$", "(x+x+)+y", "^(\\w+\\s?)*$", "^((a*)*b)*$"])
    func catastrophicPatternsHitTheStepBudget(_ pattern: String) throws {
        let regex = try ECMARegex(pattern)
        let input = String(repeating: pattern.contains("x") ? "x" : "a", count: 40) + "!"
        #expect(regex.search(input, stepBudget: 100_000) == .budgetExceeded)
    }

    @Test func budgetIsSharedAcrossStartPositions() throws {
        // Each start position does little work, but an unanchored search tries all of them.
        let regex = try ECMARegex("a{1000}b")
        let input = String(repeating: "a", count: 3000)
        #expect(regex.search(input, stepBudget: 100_000) == .budgetExceeded)
        #expect(regex.search(input, stepBudget: 10_000_000) == .noMatch)
    }

    @Test func longInputsMatchInLinearSteps() throws {
        let regex = try ECMARegex("^[A-Z<]*$")
        let input = String(repeating: "ABC<", count: 10_000)
        #expect(regex.search(input, stepBudget: 200_000) == .match)
        #expect(regex.search(input + "x", stepBudget: 200_000) == .noMatch)
    }

    @Test func programSizeIsLimited() {
        #expect(throws: JSONSchemaError.self) { try ECMARegex("((ab{2}){1000}){1000}") }
        #expect(throws: JSONSchemaError.self) { try ECMARegex(String(repeating: "(", count: 100) + String(repeating: ")", count: 100)) }
    }

    /// Seeded random patterns from regex syntax characters: compiling either succeeds or throws the pattern
    /// error, and searching always ends (within the budget) without trapping.
    @Test func randomPatternsNeverTrap() {
        let pieces = ["a", "b", "é", "😀", ".", "*", "+", "?", "{", "}", "{2}", "{1,3}", ",", "(", ")", "(?:", "[", "]", "^",
            "$", "|", "\\", "\\d", "\\b", "\\u00e9", "\\x4", "-", "[^", "\\]", "0", "9"]
        var state: UInt64 = 0x5EED_0003
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var compiled = 0
        for _ in 0..<5_000 {
            var pattern = ""
            for _ in 0..<next(12) { pattern += pieces[next(pieces.count)] }
            guard let regex = try? ECMARegex(pattern) else { continue }
            compiled += 1
            for _ in 0..<4 {
                var input = ""
                for _ in 0..<next(16) { input += ["a", "b", "é", "😀", "1", " ", "\n"][next(7)] }
                _ = regex.search(input, stepBudget: 20_000)
            }
        }
        #expect(compiled > 500)
    }

    @Test func invalidPatternErrorsHaveTheCode() {
        do {
            _ = try ECMARegex("a(b")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "SCHEMA_INVALID_PATTERN")
            #expect(error.message == "pattern a(b is not supported: unterminated group at character 1")
        }
    }
}
