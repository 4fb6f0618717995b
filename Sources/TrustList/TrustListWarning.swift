/// A condition that does not stop a verified trust list from being used but must be reported with every result
/// that relies on it.
public struct TrustListWarning: Sendable, Hashable, CustomStringConvertible {
    /// The stable `SNAKE_CASE` code, for example ``staleCode``.
    public let code: String
    /// What was expected and what was found.
    public let message: String

    /// Creates a warning.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// The code of a list used after its next-update time.
    public static let staleCode = "STALE_TRUST_LIST"

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
