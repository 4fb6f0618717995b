extension CBORNode {
    /// The integer of a major type 0 item, or nil.
    public var unsignedValue: UInt64? {
        if case .unsigned(let value) = content { return value }
        return nil
    }

    /// The integer of a major type 0 or 1 item when it fits in `Int64`, or nil.
    public var int64Value: Int64? {
        switch content {
        case .unsigned(let value):
            return value <= UInt64(Int64.max) ? Int64(value) : nil
        case .negative(let argument):
            return argument <= UInt64(Int64.max) ? -1 - Int64(argument) : nil
        default:
            return nil
        }
    }

    /// The value of a float, or of an integer (rounded to the nearest `Double`), or nil.
    public var doubleValue: Double? {
        switch content {
        case .float(let value): return value
        case .unsigned(let value): return Double(value)
        case .negative(let argument): return -1 - Double(argument)
        default: return nil
        }
    }

    /// The text of a text string, or nil.
    public var textValue: String? {
        if case .textString(let text) = content { return text }
        return nil
    }

    /// The bytes of a byte string, or nil. A slice of the decoded input for a definite-length string.
    public var bytesValue: ArraySlice<UInt8>? {
        if case .byteString(let bytes) = content { return bytes }
        return nil
    }

    /// The items of an array, or nil.
    public var arrayValue: [CBORNode]? {
        if case .array(let items) = content { return items }
        return nil
    }

    /// The entries of a map in encoded order, or nil.
    public var mapEntries: [MapEntry]? {
        if case .map(let entries) = content { return entries }
        return nil
    }

    /// The value of `true` or `false`, or nil.
    public var boolValue: Bool? {
        if case .bool(let value) = content { return value }
        return nil
    }

    /// Whether this is the simple value `null`.
    public var isNull: Bool {
        if case .null = content { return true }
        return false
    }

    /// The value stored under an integer key of a map (the first one if keys repeat), or nil when this is not a
    /// map or has no such key.
    public func value(forKey key: Int64) -> CBORNode? {
        guard case .map(let entries) = content else { return nil }
        if key >= 0 {
            let wanted = UInt64(key)
            for entry in entries {
                if case .unsigned(let value) = entry.key.content, value == wanted { return entry.value }
            }
        } else {
            let wanted = UInt64(bitPattern: ~key)
            for entry in entries {
                if case .negative(let argument) = entry.key.content, argument == wanted { return entry.value }
            }
        }
        return nil
    }

    /// The value stored under a text key of a map (the first one if keys repeat), or nil when this is not a map
    /// or has no such key. Keys are compared by their UTF-8 bytes, not by Unicode canonical equivalence.
    public func value(forKey key: String) -> CBORNode? {
        guard case .map(let entries) = content else { return nil }
        let wanted = key.utf8
        for entry in entries {
            if case .textString(let text) = entry.key.content, text.utf8.count == wanted.count,
                text.utf8.elementsEqual(wanted)
            {
                return entry.value
            }
        }
        return nil
    }

    /// The number of the outermost tag, or nil when the item is not tagged.
    public var tag: UInt64? {
        if case .tagged(let tag, _) = content { return tag }
        return nil
    }

    /// The item with all enclosing tags removed (the node itself when it is not tagged).
    public var untagged: CBORNode {
        var node = self
        while case .tagged(_, let inner) = node.content { node = inner }
        return node
    }
}
