/// The credential formats OpenDVC issues and verifies.
public enum CredentialFormat: String, Sendable, Hashable, CaseIterable {
    /// EU Digital COVID Certificate / WHO HCERT (`HC1:`).
    case euDCC = "eu-dcc"
    /// SMART Health Card (`shc:/`).
    case smartHealthCard = "shc"
    /// ICAO Visible Digital Seal for non-constrained environments.
    case icaoVDSNC = "icao-vds-nc"
    /// W3C Verifiable Credential secured with JOSE.
    case w3cVC = "w3c-vc"
}
