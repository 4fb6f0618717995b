/// One AI and its value from an element string or a Digital Link URI.
public struct GS1Element: Hashable, Sendable {
    /// The application identifier.
    public let ai: ApplicationIdentifier
    /// The data field (decoded, without separators).
    public let value: String

    /// Creates an element after validating the value against the AI's format.
    public init(_ ai: ApplicationIdentifier, _ value: String) throws(GS1Error) {
        try ai.validate(value)
        self.ai = ai
        self.value = value
    }
}
