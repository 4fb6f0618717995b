import Foundation

/// Someone or something that calls the API with a bearer token: a person, a site's system, a device.
public struct Principal: Sendable, Hashable, Identifiable {
    /// What a principal may do.
    public enum Role: String, Sendable, Hashable, CaseIterable {
        /// Manages the platform: keys, tokens, everything an issuer may do.
        case admin
        /// Records vaccinations, issues and revokes certificates.
        case issuer
        /// Verifies payloads.
        case verifier
        /// A data collection device (a logger, a site's terminal).
        case device
        /// Reads aggregates and metrics.
        case analyst
    }

    public var id: UUID
    /// A label for people reading audit records (not personal data: "site 12 terminal").
    public var name: String
    public var role: Role
    /// The public, indexed part of the token; unique.
    public var tokenID: String
    /// SHA-256 of the token's secret part: the token itself is never stored.
    public var tokenHash: [UInt8]
    /// The site a device or site system acts for, if any.
    public var siteID: UUID?
    public var createdAt: Date
    /// Set when the token no longer authenticates.
    public var disabledAt: Date?

    /// Creates a principal.
    public init(
        id: UUID = UUID(), name: String, role: Role, tokenID: String, tokenHash: [UInt8], siteID: UUID? = nil,
        createdAt: Date, disabledAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.tokenID = tokenID
        self.tokenHash = tokenHash
        self.siteID = siteID
        self.createdAt = createdAt
        self.disabledAt = disabledAt
    }
}
