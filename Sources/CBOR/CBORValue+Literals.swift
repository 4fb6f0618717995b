extension CBORValue: ExpressibleByIntegerLiteral {
    /// An integer literal, as ``integer(_:)``.
    public init(integerLiteral value: Int64) {
        self = .integer(value)
    }
}

extension CBORValue: ExpressibleByStringLiteral {
    /// A string literal, as `.textString`.
    public init(stringLiteral value: String) {
        self = .textString(value)
    }
}

extension CBORValue: ExpressibleByBooleanLiteral {
    /// `true` or `false`, as `.bool`.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension CBORValue: ExpressibleByFloatLiteral {
    /// A float literal, as `.float`.
    public init(floatLiteral value: Double) {
        self = .float(value)
    }
}

extension CBORValue: ExpressibleByArrayLiteral {
    /// An array literal, as `.array`.
    public init(arrayLiteral elements: CBORValue...) {
        self = .array(elements)
    }
}

extension CBORValue: ExpressibleByDictionaryLiteral {
    /// A dictionary literal, as `.map` with the entries in literal order (the encoder sorts them).
    public init(dictionaryLiteral elements: (CBORValue, CBORValue)...) {
        self = .map(elements.map { MapEntry($0.0, $0.1) })
    }
}
