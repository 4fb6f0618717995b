extension CBORNode {
    /// A short name of the item's type for error messages ("an integer", "a map of 3", "tag 18"), never its content.
    public var typeName: String {
        switch content {
        case .unsigned, .negative: return "an integer"
        case .byteString: return "a byte string"
        case .textString: return "a text string"
        case .array(let items): return "an array of \(items.count)"
        case .map(let entries): return "a map of \(entries.count)"
        case .tagged(let tag, _): return "tag \(tag)"
        case .bool: return "a boolean"
        case .null: return "null"
        case .undefined: return "undefined"
        case .simple(let value): return "simple value \(value)"
        case .float: return "a float"
        }
    }
}
