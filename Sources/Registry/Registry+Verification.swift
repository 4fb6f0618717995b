import CredentialVerification
import Foundation
import Verifier

extension Registry {
    /// Verifies a payload of any format against the issuer's keys (offline, as `dvc verify` does), and reports a
    /// certificate this registry revoked, or suspended until a later time, as failing the revocation check.
    public func verify(_ payload: String, at time: Date = Date()) -> VerificationResult {
        let verifier = state.withLock { $0.keyring.verifier }
        var result = verifier.verify(payload, at: time)
        guard let key = Self.identifierKey(of: result) else { return result }
        let (revoked, suspendedUntil) = state.withLock { ($0.revokedIdentifiers.contains(key), $0.suspendedIdentifiers[key]) }
        if revoked {
            result.fail(\.revocation, RegistryError(.revoked, "expected a certificate that is not revoked, found it revoked by its issuer"))
        } else if let suspendedUntil, time < suspendedUntil {
            result.fail(
                \.revocation,
                RegistryError(.suspended, "expected a certificate that is not suspended, found it suspended until \(Timestamp.format(suspendedUntil))"))
        } else if result.checks.revocation == .skipped, result.checks.signature == .pass {
            result.checks.revocation = .pass
        }
        return result
    }

    /// `format:identifier` of a verified payload, as the registry stores it.
    static func identifierKey(of result: VerificationResult) -> String? {
        switch result.format {
        case .euDCC?: return result.credential?.certificate.hcid.map { revocationKey("hc1", $0) }
        case .w3cVC?: return result.credential?.certificate.hcid.map { revocationKey("vc", $0) }
        case .icaoVDSNC?: return result.credential?.certificate.hcid.map { revocationKey("vds", $0) }
        case .smartHealthCard?: return result.formatPayload?["vc"]?["rid"]?.stringValue.map { revocationKey("shc", $0) }
        case nil: return nil
        }
    }
}
