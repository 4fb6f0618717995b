/// A parsed JSON document kept as one flat list of nodes over its bytes, for readers that check a payload
/// and then let it go: no allocation per value, strings stay in the input until asked for.
///
/// Parsing is exactly as strict as ``JSONParser`` (the same syntax, limits and error codes; duplicate keys are
/// always rejected). Nodes are numbered in document order: an object is followed by its members, each a key
/// node (a string) and then its value's nodes; an array by its elements. ``value(at:)`` builds the
/// ``JSONValue`` of any node when a caller needs the tree after all.
///
/// ```swift
/// let tape = try JSONTape(parsing: Array(#"{"iss": "https://example.org", "nbf": 1}"#.utf8))
/// let issuer = tape.member("iss", of: tape.root).flatMap(tape.string(at:))
/// ```
public struct JSONTape: Sendable {
    /// What a node holds.
    public enum Kind: UInt8, Sendable {
        case null, bool, number, string, array, object
    }

    /// One value (or member key) of the document.
    @usableFromInline
    struct Node: Sendable {
        @usableFromInline var kind: Kind
        /// For a boolean its value; for a string whether it had escapes (its text is in `unescaped`).
        @usableFromInline var flag: Bool
        /// The value's bytes: a string's contents between its quotes, a container from its bracket to after its
        /// closing bracket, a number's digits.
        @usableFromInline var start: Int32
        @usableFromInline var end: Int32
        /// Index of the first node after this value and everything in it.
        @usableFromInline var next: Int32
        /// Elements of an array, members of an object; for an escaped string its index in `unescaped`.
        @usableFromInline var count: Int32

        @usableFromInline
        init(kind: Kind, flag: Bool, start: Int32, end: Int32, next: Int32, count: Int32) {
            (self.kind, self.flag, self.start, self.end, self.next, self.count) = (kind, flag, start, end, next, count)
        }
    }

    /// The largest input a tape holds (node offsets are 32-bit).
    public static let maximumSize = Int(Int32.max)

    /// The document's UTF-8 bytes.
    public let bytes: [UInt8]
    @usableFromInline let nodes: JSONTapeNodes
    /// The unescaped UTF-8 of strings that had escapes.
    @usableFromInline var unescaped: [[UInt8]]

    /// Parses one JSON document.
    /// - Throws: ``JSONError`` as ``JSONParser`` would for the same input and options (duplicate keys are
    ///   rejected whatever `options.rejectDuplicateKeys` says).
    public init(parsing bytes: [UInt8], options: JSONParser.Options = .default) throws {
        guard bytes.count <= min(options.maxBytes, Self.maximumSize) else {
            throw JSONError(
                .tooLarge, "expected at most \(options.maxBytes) bytes, found \(bytes.count)", offset: options.maxBytes)
        }
        let parsed = try bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONTapeParser(buffer, options: options)
            try parser.parseDocument()
            return (parser.nodes, parser.unescaped)
        }
        self.bytes = bytes
        (self.nodes, self.unescaped) = parsed
    }

    /// The tape of a value (written compactly and parsed again): for checks written against tapes that also
    /// take trees.
    ///
    /// - Throws: ``JSONError`` `JSON_DUPLICATE_KEY` when an object of `value` was built with repeated keys
    ///   (``JSONObject/init(uniqueMembers:)`` trusts its caller).
    public init(value: JSONValue) throws {
        try self.init(parsing: JSONSerializer.serialize(value), options: .init(maxBytes: Self.maximumSize, maxDepth: .max))
    }

    /// The number of nodes (values and member keys).
    public var nodeCount: Int { nodes.count }

    /// The document's top-level value.
    @inlinable
    public var root: Int { 0 }

    /// The kind of node `index`.
    @inlinable
    public func kind(at index: Int) -> Kind { nodes[index].kind }

    /// The number of elements (array) or members (object) of node `index`; 0 for other kinds.
    @inlinable
    public func count(at index: Int) -> Int {
        let node = nodes[index]
        return node.kind == .array || node.kind == .object ? Int(node.count) : 0
    }

    /// The index of the first node after node `index` and everything in it: the next element of an array, the
    /// next key of an object. A container's first element (or key) is at `index + 1`, a member's value right
    /// after its key.
    @inlinable
    public func after(_ index: Int) -> Int { Int(nodes[index].next) }

    /// Calls `body` with the offset and node of each element of array `index` (nothing for other kinds).
    public func forEachElement(of index: Int, _ body: (_ offset: Int, _ element: Int) throws -> Void) rethrows {
        guard nodes[index].kind == .array else { return }
        var child = index + 1
        for offset in 0..<Int(nodes[index].count) {
            try body(offset, child)
            child = Int(nodes[child].next)
        }
    }

    /// Calls `body` with the key node and value node of each member of object `index`, in document order
    /// (nothing for other kinds).
    public func forEachMember(of index: Int, _ body: (_ key: Int, _ value: Int) throws -> Void) rethrows {
        guard nodes[index].kind == .object else { return }
        var key = index + 1
        for _ in 0..<Int(nodes[index].count) {
            try body(key, key + 1)
            key = Int(nodes[key + 1].next)
        }
    }

    /// The value node of member `key` of object `index`; nil when there is none or `index` is no object.
    @inlinable
    public func member(_ key: StaticString, of index: Int) -> Int? {
        guard nodes[index].kind == .object else { return nil }
        let wanted = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
        var keyNode = index + 1
        for _ in 0..<Int(nodes[index].count) {
            if utf8(at: keyNode, equals: wanted) { return keyNode + 1 }
            keyNode = Int(nodes[keyNode + 1].next)
        }
        return nil
    }

    /// Whether node `index` is a string equal to `text`.
    @inlinable
    public func isString(at index: Int, equalTo text: StaticString) -> Bool {
        nodes[index].kind == .string && utf8(at: index, equals: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Whether string node `index` holds `wanted` (lengths first).
    @inlinable
    func utf8(at index: Int, equals wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        let node = nodes[index]
        if node.flag { return unescaped[Int(node.count)].withUnsafeBufferPointer { Self.equal($0, wanted) } }
        guard Int(node.end - node.start) == wanted.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            Self.equal(UnsafeBufferPointer(rebasing: all[Int(node.start)..<Int(node.end)]), wanted)
        }
    }

    /// Byte-wise equality, eight bytes at a time (`elementsEqual` is not specialized across modules, and member
    /// names are mostly longer than a word).
    @inlinable
    static func equal(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return true }
        return bytesEqual(leftBase, rightBase, count: left.count)
    }

    /// Whether the `count` bytes at `left` and at `right` are equal, compared a word at a time.
    @inlinable
    static func bytesEqual(_ left: UnsafePointer<UInt8>, _ right: UnsafePointer<UInt8>, count: Int) -> Bool {
        var offset = 0
        while count - offset >= 8 {
            let a = UnsafeRawPointer(left + offset).loadUnaligned(as: UInt64.self)
            let b = UnsafeRawPointer(right + offset).loadUnaligned(as: UInt64.self)
            if a != b { return false }
            offset += 8
        }
        while offset < count {
            if left[offset] != right[offset] { return false }
            offset += 1
        }
        return true
    }

    /// The UTF-8 length of string node `index` (after unescaping); 0 for other kinds.
    @inlinable
    public func utf8Count(at index: Int) -> Int {
        let node = nodes[index]
        guard node.kind == .string else { return 0 }
        return node.flag ? unescaped[Int(node.count)].count : Int(node.end - node.start)
    }

    /// Calls `body` with the (unescaped) UTF-8 of string node `index`; an empty buffer for other kinds.
    public func withUTF8<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let node = nodes[index]
        guard node.kind == .string else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        if node.flag { return try unescaped[Int(node.count)].withUnsafeBufferPointer(body) }
        return try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[Int(node.start)..<Int(node.end)]))
        }
    }

    /// The text of string node `index`; nil for other kinds.
    public func string(at index: Int) -> String? {
        guard nodes[index].kind == .string else { return nil }
        return withUTF8(at: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// The number of number node `index` as a `Double` (as ``JSONValue/doubleValue``); nil for other kinds.
    public func double(at index: Int) -> Double? {
        // A plain integer of up to 15 digits (timestamps such as `nbf`) is exact as a Double.
        if let plain = plainDigits(at: index) { return Double(plain) }
        return number(at: index)?.doubleValue
    }

    /// The number of number node `index` as an integer (as ``JSONValue/integerValue``: an integral double below
    /// 9e15 counts); nil for other kinds.
    public func integer(at index: Int) -> Int64? {
        if let plain = plainDigits(at: index) { return plain }
        return number(at: index)?.integerValue
    }

    /// The value of number node `index` when it is plain digits, at most 15 of them (no sign, fraction or
    /// exponent): read here without the scanner. The digits were checked when the tape was made.
    private func plainDigits(at index: Int) -> Int64? {
        let node = nodes[index]
        guard node.kind == .number, node.end - node.start <= 15 else { return nil }
        var value: Int64 = 0
        for byte in bytes[Int(node.start)..<Int(node.end)] {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int64(digit)
        }
        return value
    }

    /// Number node `index` as the tree holds it (`.integer` or `.double`); nil for other kinds.
    func number(at index: Int) -> JSONValue? {
        let node = nodes[index]
        guard node.kind == .number else { return nil }
        // The digits were checked when the tape was made: the scanner reads them again for their value.
        return bytes.withUnsafeBufferPointer { all in
            var scanner = JSONByteParser(scanning: UnsafeBufferPointer(rebasing: all[Int(node.start)..<Int(node.end)]), options: .default)
            return try? scanner.parseNumber()
        }
    }

    /// The boolean of node `index`; nil for other kinds.
    public func bool(at index: Int) -> Bool? {
        nodes[index].kind == .bool ? nodes[index].flag : nil
    }

    /// The ``JSONValue`` of node `index` and everything in it.
    public func value(at index: Int) -> JSONValue {
        let node = nodes[index]
        switch node.kind {
        case .null: return .null
        case .bool: return .bool(node.flag)
        case .string: return .string(string(at: index) ?? "")
        case .number, .array, .object:
            // The node's bytes were checked when the tape was made (a key of a member is a string node).
            let slice = bytes[Int(node.start)..<Int(node.end)]
            return (try? JSONParser.parse(slice, options: .init(maxBytes: Self.maximumSize, maxDepth: .max))) ?? .null
        }
    }
}
