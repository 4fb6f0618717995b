/// A JSON value that keeps what matters for signed and validated data:
/// integers and floating-point numbers stay distinct, and object members keep
/// their order (see ``JSONObject``).
///
/// Parse untrusted text with ``JSONParser`` (size and depth limits) and write it
/// with ``JSONSerializer`` (compact, or RFC 8785 canonical form).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number written without fraction or exponent that fits in 64 bits.
    case integer(Int64)
    /// Any other number.
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

/// A JSON object: members in document order, unique keys.
public struct JSONObject: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// One `"key": value` member.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members in order.
    public private(set) var members: [Member]

    /// An empty object.
    public init() { self.members = [] }

    /// Builds an object from members; a later member with an existing key replaces the earlier value.
    public init(_ members: [Member]) {
        self.members = []
        self.members.reserveCapacity(members.count)
        for member in members { self[member.key] = member.value }
    }

    /// Builds an object from members whose keys the caller knows to be unique, keeping their order.
    ///
    /// For decoders that check keys themselves (``JSONParser``, a CBOR map decoded with duplicate-key
    /// rejection); skips the quadratic duplicate scan of ``init(_:)``. Duplicate keys make lookups
    /// return the first member.
    public init(uniqueMembers members: [Member]) {
        self.members = members
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { Member(key: $0.0, value: $0.1) })
    }

    /// The keys in order.
    public var keys: [String] { members.map(\.key) }

    /// Number of members.
    public var count: Int { members.count }

    /// Reads or writes a member. Writing `nil` removes it; writing an existing key keeps its position.
    public subscript(key: String) -> JSONValue? {
        get {
            // In place (no copy of each member) and lengths first: unequal keys mostly differ in length, and a
            // string's UTF-8 count is at hand where comparing its contents is a call.
            let length = key.utf8.count
            return members.withUnsafeBufferPointer { members in
                for index in members.indices where members[index].key.utf8.count == length && members[index].key == key {
                    return members[index].value
                }
                return nil
            }
        }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
            }
        }
    }

    /// Equality is order-sensitive; use ``isEquivalent(to:)`` for order-insensitive comparison.
    public func isEquivalent(to other: JSONObject) -> Bool {
        guard count == other.count else { return false }
        for member in members {
            guard let value = other[member.key], value.isEquivalent(to: member.value) else { return false }
        }
        return true
    }
}

extension JSONValue {
    /// Compares two values ignoring object member order and integer/double representation of equal numbers.
    public func isEquivalent(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.object(let a), .object(let b)): return a.isEquivalent(to: b)
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isEquivalent(to: $1) }
        case (.integer(let a), .double(let b)), (.double(let b), .integer(let a)): return Double(a) == b
        default: return self == other
        }
    }

    /// The member value if this is an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The string if this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The integer if this is an integer, or a double with an exact integer value.
    public var integerValue: Int64? {
        switch self {
        case .integer(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 9.0e15: return Int64(d)
        default: return nil
        }
    }

    /// The number as a `Double` if this is a number.
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// The elements if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The object if this is an object.
    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The Boolean if this is a Boolean.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }
}
