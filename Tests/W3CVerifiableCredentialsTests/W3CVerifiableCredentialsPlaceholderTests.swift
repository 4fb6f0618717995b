import Testing
import W3CVerifiableCredentials

/// Placeholder until the module's tests exist.
@Test func W3CVerifiableCredentialsModuleLinks() {
    #expect(String(describing: W3CVerifiableCredentials.self) == "W3CVerifiableCredentials")
}
