import Foundation
import Trust

/// What a verifier checks a payload against: trusted keys and the validation time.
public struct VerificationContext: Sendable {
    /// The trusted document signer certificates (and, later, issuer key sets).
    public var trustStore: TrustStore
    /// The instant at which validity is judged.
    public var validationTime: Date

    public init(trustStore: TrustStore, validationTime: Date = Date()) {
        self.trustStore = trustStore
        self.validationTime = validationTime
    }
}
