/// A country: an officially assigned ISO 3166-1 alpha-2 or alpha-3 code (upper case), kept as given.
///
/// DDCC:VS uses alpha-3, the EU DCC alpha-2; both are accepted and ``alpha2`` / ``alpha3`` convert.
/// Kosovo's user-assigned `XK`/`XKX` is accepted as well (it is in the EU DCC country value set).
public struct CountryCode: Sendable, Hashable, CustomStringConvertible {
    /// The code as given (2 or 3 upper-case letters).
    public let code: String
    /// The alpha-2 code.
    public let alpha2: String
    /// The alpha-3 code.
    public let alpha3: String

    /// A known code, or `nil` (see ``ISO3166/normalizedAlpha2(_:path:)`` for a throwing variant).
    public init?(_ code: String) {
        guard let entry = ISO3166.entry(for: code) else { return nil }
        self.code = code
        self.alpha2 = entry.alpha2
        self.alpha3 = entry.alpha3
    }

    /// The code as given.
    public var description: String { code }
}
