import Foundation

/// An institution that issues certificates (a ministry, a health agency).
public struct Issuer: Sendable, Hashable, Identifiable {
    public var id: UUID
    /// Display name (an institution's name, not personal data).
    public var name: String
    /// ISO 3166-1 alpha-2 country code.
    public var country: String
    /// The https base URL that SMART Health Cards and W3C credentials name as `iss`.
    public var publicURL: String
    public var createdAt: Date

    /// Creates an issuer.
    public init(id: UUID = UUID(), name: String, country: String, publicURL: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.country = country
        self.publicURL = publicURL
        self.createdAt = createdAt
    }
}
