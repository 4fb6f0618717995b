extension CBORNode {
    /// The content as a ``CBORValue`` (without encoded bytes), for example to re-encode it deterministically.
    ///
    /// Byte strings are copied. Recursion is bounded by the decoder's depth limit.
    public var value: CBORValue {
        switch content {
        case .unsigned(let value): return .unsigned(value)
        case .negative(let argument): return .negative(argument)
        case .byteString(let bytes): return .byteString(Array(bytes))
        case .textString(let text): return .textString(text)
        case .array(let items): return .array(items.map(\.value))
        case .map(let entries): return .map(entries.map { CBORValue.MapEntry($0.key.value, $0.value.value) })
        case .tagged(let tag, let inner): return .tagged(tag, inner.value)
        case .bool(let value): return .bool(value)
        case .null: return .null
        case .undefined: return .undefined
        case .simple(let value): return .simple(value)
        case .float(let value): return .float(value)
        }
    }
}
