/// A compiled ECMA-262 regular expression with JSON Schema `pattern` semantics: an unanchored search
/// (the pattern may match anywhere unless it uses `^`/`$`), over Unicode scalars, with no flags.
///
/// Matching is a backtracking machine with an explicit stack and a step budget: a pattern that would
/// backtrack catastrophically (`^(a+)+$` against `aaaa…b`) stops with ``Outcome/budgetExceeded`` instead of
/// running for ever. Supported: literals, `.`, escapes (`\d \D \w \W \s \S \b \B \t \n \xHH \uHHHH` and escaped
/// punctuation), classes with ranges and negation, `^ $`, groups `( )`, `(?: )`, `(?<name> )`, alternation,
/// and greedy or lazy `* + ? {n} {n,} {n,m}`.
package struct ECMARegex: Sendable {
    /// Result of a search.
    package enum Outcome: Sendable, Hashable {
        case match
        case noMatch
        /// The search took more than the allowed number of steps.
        case budgetExceeded
    }

    /// Default number of machine steps one search may take.
    package static let defaultStepBudget = 200_000
    /// Largest compiled program accepted (counted quantifiers are expanded).
    static let maxProgramSize = 20_000

    /// The source pattern.
    package let pattern: String
    let program: [ECMARegexInstruction]
    let sets: [ECMAScalarSet]
    let registerCount: Int
    let anchoredAtStart: Bool

    /// Compiles a pattern.
    /// - Throws: ``JSONSchemaError`` with code `SCHEMA_INVALID_PATTERN`.
    package init(_ pattern: String) throws(JSONSchemaError) {
        let node: ECMARegexNode
        do {
            node = try ECMARegexParser.parse(pattern)
        } catch {
            throw JSONSchemaError(
                .invalidPattern, "pattern \(pattern) is not supported: \(error.reason) at character \(error.offset)")
        }
        var compiler = ECMARegexCompiler()
        do {
            try compiler.emit(node)
        } catch {
            throw JSONSchemaError(
                .invalidPattern,
                "pattern \(pattern) expands to more than \(Self.maxProgramSize) instructions")
        }
        compiler.program.append(.match)
        self.pattern = pattern
        self.program = compiler.program
        self.sets = compiler.sets
        self.registerCount = compiler.registerCount
        self.anchoredAtStart = node.isAnchoredAtStart
    }

    /// Searches `string` for a match anywhere in it.
    package func search(_ string: String, stepBudget: Int = defaultStepBudget) -> Outcome {
        if let outcome = string.utf8.withContiguousStorageIfAvailable({ search(utf8: $0, stepBudget: stepBudget) }) {
            return outcome
        }
        return Array(string.utf8).withUnsafeBufferPointer { search(utf8: $0, stepBudget: stepBudget) }
    }

    /// Whether the pattern matches somewhere in `string`; a search over budget counts as no match.
    package func matches(_ string: String, stepBudget: Int = defaultStepBudget) -> Bool {
        search(string, stepBudget: stepBudget) == .match
    }

    /// Searches valid UTF-8 text, trying each scalar boundary as a start (only the first when anchored).
    func search(utf8 input: UnsafeBufferPointer<UInt8>, stepBudget: Int) -> Outcome {
        // The first backtracking entries live on the stack; only deep backtracking allocates.
        withUnsafeTemporaryAllocation(of: ECMARegexMachine.Backtrack.self, capacity: ECMARegexMachine.inlineStackCapacity) {
            inlineStack in
            program.withUnsafeBufferPointer { program in
                sets.withUnsafeBufferPointer { sets in
                    var machine = ECMARegexMachine(
                        program: program, sets: sets, registerCount: registerCount, input: input, budget: stepBudget,
                        inlineStack: inlineStack.baseAddress)
                    var start = 0
                    while true {
                        switch machine.run(from: start) {
                        case .match: return .match
                        case .budgetExceeded: return .budgetExceeded
                        case .noMatch: break
                        }
                        if anchoredAtStart || start >= input.count { return .noMatch }
                        start += 1
                        while start < input.count, input[start] & 0xC0 == 0x80 { start += 1 }
                    }
                }
            }
        }
    }
}

/// One instruction of the backtracking machine.
enum ECMARegexInstruction: Sendable, Hashable {
    /// Consume this scalar.
    case scalar(UInt32)
    /// Consume a scalar in `sets[index]`.
    case set(Int)
    /// Consume as many scalars in `sets[index]` as possible, at least `min` and at most `max` (`-1`: no limit),
    /// then give them back one at a time on backtracking: `[A-Z]*` without a backtracking entry per scalar.
    case greedySetRun(set: Int, min: Int, max: Int)
    case assertStart
    case assertEnd
    /// `\b` (true) or `\B` (false).
    case wordBoundary(Bool)
    /// Continue at the first target; on failure, resume at the second with the same position.
    case split(Int, Int)
    case jump(Int)
    /// Store the position in a register (undone on backtracking).
    case mark(Int)
    /// Fail if the position equals the register: stops empty iterations of `*` and `+`.
    case checkProgress(Int)
    case match
}
