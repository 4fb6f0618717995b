import JSON

/// String literals as JSON strings, to keep expected seal members readable in these tests.
extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}
