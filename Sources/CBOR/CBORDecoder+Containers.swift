/// An open array, map or tag.
struct Frame {
    enum Kind: UInt8 {
        case array, map, tag
    }

    var kind: Kind
    /// Where the container's head starts (for a tag, the tag head).
    var start: Int
    /// Where the container's children start on the node stack.
    var firstNode: Int
    /// Children still expected (twice the entries for a map, 1 for a tag), or -1 for an indefinite length.
    var remaining: Int
    /// The tag number, for a tag.
    var tag: UInt64
    /// The duplicate-key check of a map.
    var keyCheck: KeyCheck

    var isIndefinite: Bool { remaining < 0 }

    /// A placeholder for "no open container".
    static var none: Frame {
        Frame(kind: .array, start: 0, firstNode: 0, remaining: 0, tag: 0, keyCheck: KeyCheck())
    }
}

extension CBORDecoder {
    /// Opens the container `head` starts, after checking the depth and the declared count. An empty definite
    /// container is complete at once.
    mutating func openContainer(_ kind: Frame.Kind, _ head: Head, from start: Int) throws {
        guard depth < maxDepth else {
            throw CBORError.tooDeep(at: start, limit: maxDepth)
        }
        var remaining = -1
        if kind == .tag {
            remaining = 1
        } else if !head.isIndefinite {
            let count = try declaredCount(head, itemsPerEntry: kind == .map ? 2 : 1, from: start)
            if count == 0 {
                try push(kind == .map ? .map([]) : .array([]), from: start)
                return
            }
            remaining = kind == .map ? 2 * count : count
        }
        if depth > 0 {
            if enclosing.capacity == 0 { enclosing.reserveCapacity(8) }
            enclosing.append(innermost)
        }
        innermost = Frame(
            kind: kind, start: start, firstNode: nodeCount, remaining: remaining, tag: head.argument,
            keyCheck: KeyCheck())
        depth += 1
    }

    /// The count of a definite-length array (`itemsPerEntry` 1) or map (2), checked against the remaining input
    /// (every item takes at least one byte) and the remaining item budget, before anything is allocated.
    @inline(__always)
    func declaredCount(_ head: Head, itemsPerEntry: Int, from start: Int) throws -> Int {
        guard head.argument <= UInt64(remaining / itemsPerEntry) else {
            throw CBORError.truncatedContainer(
                at: start, count: head.argument, isMap: itemsPerEntry == 2, available: remaining)
        }
        let count = Int(head.argument)
        guard count * itemsPerEntry <= itemsLeft else {
            throw CBORError.tooManyItems(at: start, limit: maxItems)
        }
        return count
    }

    /// Whether the next byte is a `break` (consumed); throws `CBOR_TRUNCATED` at the end of the input.
    @inline(__always)
    mutating func consumeBreak() throws -> Bool {
        guard position < buffer.count else {
            throw CBORError.endOfInput(at: position, expected: "an item or a break in an indefinite-length item")
        }
        guard buffer[position] == 0xff else { return false }
        position += 1
        return true
    }

    /// Called when the item from `start` to the current position is complete and on top of the node stack:
    /// notes a map key, and closes every container this item completes.
    @inline(__always)
    mutating func itemCompleted(from start: Int) throws {
        var start = start
        while depth > 0 {
            if innermost.kind == .map, rejectDuplicateKeys, (nodeCount - innermost.firstNode) & 1 == 1 {
                var check = innermost.keyCheck
                noteKey(start..<position, &check)
                innermost.keyCheck = check
            }
            guard innermost.remaining > 0 else { return }
            innermost.remaining -= 1
            guard innermost.remaining == 0 else { return }
            start = try closeInnermostContainer()
        }
    }

    /// Gathers the innermost container's children from the node stack into its node, which replaces them on the
    /// stack. Returns where the container starts.
    mutating func closeInnermostContainer() throws -> Int {
        let frame = innermost
        depth -= 1
        if depth > 0, let outer = enclosing.popLast() { innermost = outer }
        let children = nodes + frame.firstNode
        let count = nodeCount - frame.firstNode
        let content: CBORNode.Content
        switch frame.kind {
        case .array:
            // Reserved and appended: `init(unsafeUninitializedCapacity:)` is not specialized and looks up the
            // array's metadata at run time on every call.
            var items: [CBORNode] = []
            items.reserveCapacity(count)
            for index in 0..<count { items.append((children + index).move()) }
            nodeCount = frame.firstNode
            content = .array(items)
        case .map:
            if rejectDuplicateKeys {
                try finishKeyCheck(frame.keyCheck, entries: UnsafePointer(children), count: count / 2)
            }
            var entries: [CBORNode.MapEntry] = []
            entries.reserveCapacity(count / 2)
            for index in 0..<(count / 2) {
                entries.append(CBORNode.MapEntry(key: (children + 2 * index).move(), value: (children + 2 * index + 1).move()))
            }
            nodeCount = frame.firstNode
            content = .map(entries)
        case .tag:
            let inner = children.move()
            nodeCount = frame.firstNode
            content = .tagged(frame.tag, inner)
        }
        pushNode(content, from: frame.start)
        return frame.start
    }
}
