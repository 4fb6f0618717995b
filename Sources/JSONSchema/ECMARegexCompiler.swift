/// Turns an ``ECMARegexNode`` tree into ``ECMARegexInstruction``s.
struct ECMARegexCompiler {
    struct ProgramTooLarge: Error {}

    var program: [ECMARegexInstruction] = []
    var sets: [ECMAScalarSet] = []
    var setIndex: [ECMAScalarSet: Int] = [:]
    var registerCount = 0

    mutating func append(_ instruction: ECMARegexInstruction) throws(ProgramTooLarge) {
        guard program.count < ECMARegex.maxProgramSize else { throw ProgramTooLarge() }
        program.append(instruction)
    }

    /// The index of a set in `sets`, adding it once.
    mutating func index(of set: ECMAScalarSet) -> Int {
        if let existing = setIndex[set] { return existing }
        sets.append(set)
        setIndex[set] = sets.count - 1
        return sets.count - 1
    }

    mutating func emit(_ node: ECMARegexNode) throws(ProgramTooLarge) {
        switch node {
        case .empty:
            break
        case .scalar(let scalar):
            try append(.scalar(scalar))
        case .set(let set):
            try append(.set(index(of: set)))
        case .inputStart:
            try append(.assertStart)
        case .inputEnd:
            try append(.assertEnd)
        case .wordBoundary(let positive):
            try append(.wordBoundary(positive))
        case .concatenation(let nodes):
            for node in nodes { try emit(node) }
        case .alternation(let nodes):
            // split L1, next; L1: a; jump end; next: split L2, next2; ...; last alternative
            var jumpsToEnd: [Int] = []
            for (position, alternative) in nodes.enumerated() {
                if position < nodes.count - 1 {
                    let split = program.count
                    try append(.split(split + 1, -1))
                    try emit(alternative)
                    jumpsToEnd.append(program.count)
                    try append(.jump(-1))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try emit(alternative)
                }
            }
            for jump in jumpsToEnd { program[jump] = .jump(program.count) }
        case .repetition(.set(let set), let minimum, let maximum, true):
            try append(.greedySetRun(set: index(of: set), min: minimum, max: maximum ?? -1))
        case .repetition(.scalar(let scalar), let minimum, let maximum, true):
            try append(.greedySetRun(set: index(of: ECMAScalarSet([scalar...scalar])), min: minimum, max: maximum ?? -1))
        case .repetition(let body, let minimum, let maximum, let greedy):
            for _ in 0..<minimum { try emit(body) }
            if let maximum {
                try emitOptionalChain(body, count: maximum - minimum, greedy: greedy)
            } else {
                try emitStar(body, greedy: greedy)
            }
        }
    }

    /// `body*`: loop: split body, exit; body; jump loop. A body that can match empty is guarded so that an
    /// iteration must consume input (ECMA-262 RepeatMatcher step "if min is zero and y's endIndex = x's endIndex,
    /// return failure").
    mutating func emitStar(_ body: ECMARegexNode, greedy: Bool) throws(ProgramTooLarge) {
        let loop = program.count
        try append(.split(-1, -1))
        let bodyStart = program.count
        let register: Int? = body.isNullable ? registerCount : nil
        if let register {
            registerCount += 1
            try append(.mark(register))
        }
        try emit(body)
        if let register { try append(.checkProgress(register)) }
        try append(.jump(loop))
        let exit = program.count
        program[loop] = greedy ? .split(bodyStart, exit) : .split(exit, bodyStart)
    }

    /// `body{0,count}`: each optional copy may be skipped, which also skips the remaining copies.
    mutating func emitOptionalChain(_ body: ECMARegexNode, count: Int, greedy: Bool) throws(ProgramTooLarge) {
        var splits: [Int] = []
        for _ in 0..<count {
            splits.append(program.count)
            try append(.split(-1, -1))
            try emit(body)
        }
        let exit = program.count
        for split in splits {
            program[split] = greedy ? .split(split + 1, exit) : .split(exit, split + 1)
        }
    }
}
