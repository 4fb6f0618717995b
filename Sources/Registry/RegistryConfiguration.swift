import Foundation

/// Settings of a registry: who the issuer is and how long certificates last.
public struct RegistryConfiguration: Sendable {
    /// ISO 3166-1 alpha-2 country of the issuer created on first start (and of the UVCIs).
    public var country: String
    /// The organisation named in the certificates created on first start.
    public var organization: String
    /// The https URL that SMART Health Cards and W3C credentials name as `iss`; `/.well-known/jwks.json` below it
    /// publishes the keys.
    public var publicURL: String
    /// How long issued certificates are valid.
    public var certificateValidity: TimeInterval

    /// Creates a configuration.
    public init(
        country: String = "XX", organization: String = "OpenDVC Issuer", publicURL: String,
        certificateValidity: TimeInterval = 365 * 86_400
    ) {
        self.country = country
        self.organization = organization
        self.publicURL = publicURL
        self.certificateValidity = certificateValidity
    }
}
