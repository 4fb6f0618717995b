import Foundation

/// A vaccination site of an issuer (a clinic, a pharmacy, a mobile team).
public struct Site: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var issuerID: UUID
    /// The site's code, unique within its issuer.
    public var code: String
    public var name: String
    public var createdAt: Date

    /// Creates a site.
    public init(id: UUID = UUID(), issuerID: UUID, code: String, name: String, createdAt: Date) {
        self.id = id
        self.issuerID = issuerID
        self.code = code
        self.name = name
        self.createdAt = createdAt
    }
}
