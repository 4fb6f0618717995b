/// Runs an ``ECMARegex`` program over UTF-8 text by backtracking with an explicit stack.
///
/// Every executed instruction (and every scalar a greedy run consumes) costs one step from a budget shared
/// by all start positions of a search, so the total work, and the stack, which grows by at most one entry
/// per step, are bounded.
struct ECMARegexMachine {
    /// Backtracking entries kept in caller-provided (stack) memory before spilling to the heap.
    static let inlineStackCapacity = 32

    /// A saved alternative, a register value to restore, or the scalars of a greedy run still to give back.
    struct Backtrack {
        enum Kind: UInt8 {
            /// Resume at `target` with position `value`.
            case branch
            /// Set register `target` back to `value`.
            case restore
            /// A greedy run ended at `value`; retry `target` one scalar earlier, down to `floor`.
            case giveBack
        }

        let kind: Kind
        let target: Int
        let value: Int
        let floor: Int
    }

    let program: UnsafeBufferPointer<ECMARegexInstruction>
    let sets: UnsafeBufferPointer<ECMAScalarSet>
    let input: UnsafeBufferPointer<UInt8>
    var budget: Int
    var registers: [Int]
    let inlineStack: UnsafeMutablePointer<Backtrack>?
    var inlineCount = 0
    var overflow: [Backtrack] = []

    init(
        program: UnsafeBufferPointer<ECMARegexInstruction>, sets: UnsafeBufferPointer<ECMAScalarSet>, registerCount: Int,
        input: UnsafeBufferPointer<UInt8>, budget: Int, inlineStack: UnsafeMutablePointer<Backtrack>?
    ) {
        self.program = program
        self.sets = sets
        self.input = input
        self.budget = budget
        self.registers = registerCount == 0 ? [] : Array(repeating: -1, count: registerCount)
        self.inlineStack = inlineStack
    }

    mutating func push(_ entry: Backtrack) {
        if let inlineStack, inlineCount < Self.inlineStackCapacity {
            (inlineStack + inlineCount).initialize(to: entry)
            inlineCount += 1
        } else {
            overflow.append(entry)
        }
    }

    mutating func pop() -> Backtrack? {
        if let last = overflow.popLast() { return last }
        guard let inlineStack, inlineCount > 0 else { return nil }
        inlineCount -= 1
        return (inlineStack + inlineCount).move()
    }

    /// Tries to match starting at `start`.
    mutating func run(from start: Int) -> ECMARegex.Outcome {
        inlineCount = 0
        overflow.removeAll(keepingCapacity: true)
        var pc = 0
        var position = start
        let end = input.count
        while true {
            budget -= 1
            guard budget >= 0 else { return .budgetExceeded }
            var failed = false
            switch program[pc] {
            case .scalar(let expected):
                if let (scalar, length) = decode(at: position), scalar == expected {
                    position += length
                    pc += 1
                } else {
                    failed = true
                }
            case .set(let index):
                if let (scalar, length) = decode(at: position), sets[index].contains(scalar) {
                    position += length
                    pc += 1
                } else {
                    failed = true
                }
            case .greedySetRun(let index, let minimum, let maximum):
                var count = 0
                var floor = minimum == 0 ? position : -1
                while maximum < 0 || count < maximum, let (scalar, length) = decode(at: position),
                    sets[index].contains(scalar)
                {
                    position += length
                    count += 1
                    budget -= 1
                    if count == minimum { floor = position }
                }
                if budget < 0 { return .budgetExceeded }
                if count < minimum {
                    failed = true
                } else {
                    if position > floor { push(Backtrack(kind: .giveBack, target: pc + 1, value: position, floor: floor)) }
                    pc += 1
                }
            case .assertStart:
                if position == 0 { pc += 1 } else { failed = true }
            case .assertEnd:
                if position == end { pc += 1 } else { failed = true }
            case .wordBoundary(let positive):
                let before = position > 0 && Self.isWordByte(input[position - 1])
                let after = position < end && Self.isWordByte(input[position])
                if (before != after) == positive { pc += 1 } else { failed = true }
            case .split(let first, let second):
                push(Backtrack(kind: .branch, target: second, value: position, floor: 0))
                pc = first
            case .jump(let target):
                pc = target
            case .mark(let register):
                push(Backtrack(kind: .restore, target: register, value: registers[register], floor: 0))
                registers[register] = position
                pc += 1
            case .checkProgress(let register):
                if registers[register] == position { failed = true } else { pc += 1 }
            case .match:
                return .match
            }
            guard failed else { continue }
            // Backtrack to the most recent alternative, undoing register marks on the way.
            backtracking: while true {
                guard let entry = pop() else { return .noMatch }
                switch entry.kind {
                case .restore:
                    registers[entry.target] = entry.value
                case .branch:
                    pc = entry.target
                    position = entry.value
                    break backtracking
                case .giveBack:
                    var earlier = entry.value - 1
                    while earlier > entry.floor, input[earlier] & 0xC0 == 0x80 { earlier -= 1 }
                    if earlier > entry.floor {
                        push(Backtrack(kind: .giveBack, target: entry.target, value: earlier, floor: entry.floor))
                    }
                    pc = entry.target
                    position = earlier
                    break backtracking
                }
            }
        }
    }

    /// The scalar starting at `position` and its UTF-8 length, or `nil` at the end.
    @inline(__always)
    func decode(at position: Int) -> (UInt32, Int)? {
        guard position < input.count else { return nil }
        let lead = input[position]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard position + length <= input.count else { return nil }
        var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            scalar = scalar << 6 | UInt32(input[position + offset] & 0x3F)
        }
        return (scalar, length)
    }

    /// Whether a UTF-8 byte is an ECMA-262 word character (`[A-Za-z0-9_]`; never part of a multi-byte scalar).
    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x5F, 0x61...0x7A: return true
        default: return false
        }
    }
}
