import JOSE
import Synchronization
import Trust

/// The `x5c` checks of the issuer keys a verifier has used (``JWKCertificateChain/problem(of:issuer:)``),
/// remembered per issuer and key: parsing and checking a chain costs more than a card's signature, and an issuer
/// signs many cards with one key. Bounded (cleared when full); shared by the copies of one ``SHCVerifier``.
final class SHCCertificateChainChecks: Sendable {
    /// The most answers remembered.
    static let capacity = 256

    private struct Key: Hashable {
        let issuer: String
        let thumbprint: String
    }

    private let answers = Mutex<[Key: JOSEError?]>([:])

    /// Why `key`'s `x5c` does not vouch for it as a key of `issuer`; nil when it does or it has none.
    func problem(of key: JWK, issuer: String) -> JOSEError? {
        guard key.certificateChain != nil else { return nil }
        let entry = Key(issuer: issuer, thumbprint: key.thumbprint)
        if let known = answers.withLock({ $0[entry] }) { return known }
        let problem = JWKCertificateChain.problem(of: key, issuer: issuer)
        answers.withLock {
            if $0.count >= Self.capacity { $0.removeAll(keepingCapacity: true) }
            $0[entry] = .some(problem)
        }
        return problem
    }
}
