/// The lenient single-pass decoder behind `CBOR.decode`.
///
/// It reads through an unsafe pointer (every read is preceded by an explicit bounds check) and slices the input
/// `ArraySlice` for ``CBORNode/encodedBytes``, so no byte is copied except for indefinite-length strings.
///
/// Decoding is iterative, with constant use of the native stack whatever the nesting: decoded nodes wait on a
/// node stack until their container is complete, and the open containers sit on a frame stack (see
/// `CBORDecoder+Containers.swift`).
struct CBORDecoder: ~Copyable {
    /// The head of a data item: major type, additional information and argument.
    typealias Head = CBORReader.Head

    /// The input, sliced for the nodes' encoded bytes.
    let input: ArraySlice<UInt8>
    /// The same bytes, read through a pointer; offsets below are offsets into this buffer.
    let buffer: UnsafeBufferPointer<UInt8>
    /// `input.startIndex`, to turn buffer offsets into slice indices.
    let base: Int
    let maxDepth: Int
    let maxItems: Int
    let rejectDuplicateKeys: Bool
    /// How many more heads may be read before `maxItems` is exceeded.
    var itemsLeft: Int
    /// The offset of the next byte to read.
    var position = 0

    /// Complete nodes whose container is still open: the children of every open container, innermost last.
    var nodes: UnsafeMutablePointer<CBORNode>
    var nodeCount = 0
    var nodeCapacity: Int
    /// Whether `nodes` was allocated here (rather than provided by the caller).
    var ownsNodes = false
    /// How many arrays, maps and tags are open.
    var depth = 0
    /// The innermost open container (meaningful when `depth > 0`).
    var innermost = Frame.none
    /// The open containers around `innermost`, outermost first.
    var enclosing: [Frame] = []

    /// Creates a decoder of `input`, read through `buffer`, that starts with `scratch` (uninitialized memory that
    /// outlives the decoder) as its node stack.
    init(
        input: ArraySlice<UInt8>, buffer: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutableBufferPointer<CBORNode>,
        options: CBOR.DecodingOptions
    ) {
        self.input = input
        self.buffer = buffer
        self.base = input.startIndex
        self.maxDepth = min(options.maxDepth, CBOR.maximumSupportedDepth)
        self.maxItems = options.maxItems
        self.rejectDuplicateKeys = options.rejectDuplicateKeys
        self.itemsLeft = options.maxItems
        if let scratchStart = scratch.baseAddress, scratch.count > 0 {
            self.nodes = scratchStart
            self.nodeCapacity = scratch.count
        } else {
            self.nodes = .allocate(capacity: 32)
            self.nodeCapacity = 32
            self.ownsNodes = true
        }
    }

    deinit {
        nodes.deinitialize(count: nodeCount)
        if ownsNodes { nodes.deallocate() }
    }

    /// Bytes not read yet.
    var remaining: Int { buffer.count - position }

    /// Decodes one data item, with everything nested in it, from the current position.
    mutating func decodeItem() throws -> CBORNode {
        repeat {
            if depth > 0, innermost.isIndefinite, try consumeBreak() {
                if innermost.kind == .map, (nodeCount - innermost.firstNode) & 1 == 1 {
                    throw CBORError.breakAfterKey(at: position - 1)
                }
                try itemCompleted(from: closeInnermostContainer())
            } else {
                try decodeNextHead()
            }
        } while depth > 0
        // The root is the only node left.
        nodeCount = 0
        return nodes.move()
    }

    /// Reads the next head and pushes the item it starts (a scalar, or a string with its content) or opens the
    /// container it starts.
    private mutating func decodeNextHead() throws {
        let start = position
        try countItem(at: start)
        let head = try readHead()
        switch head.majorType {
        case 0:
            try requireDefinite(head, at: start)
            try push(.unsigned(head.argument), from: start)
        case 1:
            try requireDefinite(head, at: start)
            try push(.negative(head.argument), from: start)
        case 2:
            try decodeByteString(head, from: start)
        case 3:
            try decodeTextString(head, from: start)
        case 4:
            try openContainer(.array, head, from: start)
        case 5:
            try openContainer(.map, head, from: start)
        case 6:
            try requireDefinite(head, at: start)
            try openContainer(.tag, head, from: start)
        default:
            try decodeSimpleOrFloat(head, from: start)
        }
    }

    /// Pushes a complete node for the bytes from `start` to the current position, and lets its container know.
    @inline(__always)
    mutating func push(_ content: consuming CBORNode.Content, from start: Int) throws {
        pushNode(content, from: start)
        try itemCompleted(from: start)
    }

    /// Pushes a complete node for the bytes from `start` to the current position.
    @inline(__always)
    mutating func pushNode(_ content: consuming CBORNode.Content, from start: Int) {
        if nodeCount == nodeCapacity { growNodes() }
        (nodes + nodeCount).initialize(
            to: CBORNode(content: content, encodedBytes: input[(base + start)..<(base + position)]))
        nodeCount += 1
    }

    private mutating func growNodes() {
        let capacity = nodeCapacity * 2
        let grown = UnsafeMutablePointer<CBORNode>.allocate(capacity: capacity)
        grown.moveInitialize(from: nodes, count: nodeCount)
        if ownsNodes { nodes.deallocate() }
        nodes = grown
        nodeCapacity = capacity
        ownsNodes = true
    }

    /// Reads the head at the current position and moves past it.
    @inline(__always)
    mutating func readHead() throws -> Head {
        try CBORReader.readHead(in: buffer, at: &position)
    }

    /// Counts one head against `maxItems`.
    @inline(__always)
    mutating func countItem(at offset: Int) throws {
        guard itemsLeft > 0 else {
            throw CBORError.tooManyItems(at: offset, limit: maxItems)
        }
        itemsLeft -= 1
    }

    @inline(__always)
    func requireDefinite(_ head: Head, at offset: Int) throws {
        guard !head.isIndefinite else {
            throw CBORError.indefiniteNotAllowed(at: offset, majorType: head.majorType)
        }
    }

    /// Major type 7: simple values, floats, and a misplaced `break`.
    mutating func decodeSimpleOrFloat(_ head: Head, from start: Int) throws {
        switch head.additionalInfo {
        case 20: try push(.bool(false), from: start)
        case 21: try push(.bool(true), from: start)
        case 22: try push(.null, from: start)
        case 23: try push(.undefined, from: start)
        case 24:
            guard head.argument >= 32 else {
                throw CBORError.invalidSimple(at: start, value: head.argument)
            }
            try push(.simple(UInt8(truncatingIfNeeded: head.argument)), from: start)
        case 25:
            try push(.float(HalfFloat.double(fromBits: UInt16(truncatingIfNeeded: head.argument))), from: start)
        case 26:
            try push(.float(Double(Float(bitPattern: UInt32(truncatingIfNeeded: head.argument)))), from: start)
        case 27:
            try push(.float(Double(bitPattern: head.argument)), from: start)
        case 31:
            throw CBORError.unexpectedBreak(at: start)
        default:
            try push(.simple(head.additionalInfo), from: start)
        }
    }
}
