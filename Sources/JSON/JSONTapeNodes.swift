/// The nodes of a ``JSONTape``, in memory of their own: the parser appends to it and updates containers in place,
/// which an `Array` would have checked for uniqueness through the runtime on every node. After parsing it is only
/// read (hence `@unchecked Sendable`: a tape never hands out a way to change it).
@usableFromInline
final class JSONTapeNodes: @unchecked Sendable {
    // One writer (the parser) and then readers only: the run-time exclusivity checks of these, several per
    // node, are left out.
    @exclusivity(unchecked) @usableFromInline private(set) var base: UnsafeMutablePointer<JSONTape.Node>
    /// The nodes written.
    @exclusivity(unchecked) @usableFromInline private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int

    /// Storage for about `capacity` nodes; it doubles whenever it is full.
    init(capacity: Int) {
        self.capacity = max(capacity, 8)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// Node `index` (checked against ``count``).
    @inlinable
    subscript(index: Int) -> JSONTape.Node {
        precondition(index >= 0 && index < count, "JSON tape node index out of range")
        return base[index]
    }

    /// Appends `node` and returns its index.
    @inline(__always)
    @discardableResult
    func append(_ node: JSONTape.Node) -> Int {
        if count == capacity { grow() }
        (base + count).initialize(to: node)
        count += 1
        return count - 1
    }

    /// Counts one more element or member of container node `index`.
    @inline(__always)
    func countChild(of index: Int) {
        precondition(index >= 0 && index < count, "JSON tape node index out of range")
        base[index].count += 1
    }

    /// Sets where container node `index` ends: at input offset `end`, followed by node `next`.
    func close(_ index: Int, end: Int32, next: Int32) {
        precondition(index >= 0 && index < count, "JSON tape node index out of range")
        base[index].end = end
        base[index].next = next
    }

    private func grow() {
        let larger = UnsafeMutablePointer<JSONTape.Node>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
