import CodedErrors
import Foundation
import Revocation

extension VerificationResult {
    /// Looks ``revocationKeys`` up in `snapshot` at `time` and sets ``VerificationChecks/revocation``: `fail` with
    /// `CREDENTIAL_REVOKED` or `CREDENTIAL_SUSPENDED` when a key is listed (a suspension whose end has passed
    /// does not count), `pass` otherwise unless the check already failed (a SMART Health Card revocation list,
    /// for example). A snapshot past its next-update time is still used, with a `STALE_REVOCATION_DATA`
    /// warning. A credential that did not decode, or has no key, is left as it is.
    ///
    /// Messages name the hash type and the snapshot version, never the key or the identifier it came from. The
    /// lookup happens here, offline: nothing about the credential leaves the verifier.
    public mutating func checkRevocation(against snapshot: RevocationSnapshot, at time: Date) {
        let now = Int64((time.timeIntervalSince1970 * 1000).rounded(.down))
        if now > snapshot.nextUpdate {
            warnings.append(
                GenericCodedError(
                    RevocationError(
                        .stale,
                        "expected revocation data updated by \(Timestamp.format(milliseconds: snapshot.nextUpdate)), found version \(snapshot.version) issued at \(Timestamp.format(milliseconds: snapshot.issuedAt))"
                    )))
        }
        guard checks.decode == .pass, !revocationKeys.isEmpty else { return }
        for key in revocationKeys {
            switch snapshot.lookup(key, now: now) {
            case .active:
                continue
            case .revoked:
                fail(
                    \.revocation,
                    RevocationError(
                        .revoked,
                        "expected no revocation entry for the credential, found a \(key.type.rawValue) entry in revocation data version \(snapshot.version)"
                    ))
                return
            case .suspended(let until):
                fail(
                    \.revocation,
                    RevocationError(
                        .suspended,
                        "expected no revocation entry for the credential, found a \(key.type.rawValue) suspension until \(Timestamp.format(milliseconds: until)) in revocation data version \(snapshot.version)"
                    ))
                return
            }
        }
        if checks.revocation != .fail { checks.revocation = .pass }
    }
}
