import Foundation
import Revocation
import Trust

/// What a verifier checks a payload against: trusted keys, revocation data and the validation time.
public struct VerificationContext: Sendable {
    /// The trusted document signer certificates (and, later, issuer key sets).
    public var trustStore: TrustStore
    /// The instant at which validity is judged.
    public var validationTime: Date
    /// An offline revocation snapshot; when set, format verifiers collect the credential's
    /// ``VerificationResult/revocationKeys`` and the revocation check looks them up.
    public var revocation: RevocationSnapshot?

    /// A context.
    public init(trustStore: TrustStore, validationTime: Date = Date(), revocation: RevocationSnapshot? = nil) {
        self.trustStore = trustStore
        self.validationTime = validationTime
        self.revocation = revocation
    }
}
