import Foundation
import JSON
import Revocation
import Storage
import TrustList

extension Registry {
    /// How long a published trust list stays current (24 hours).
    public static let trustListUpdateInterval: TimeInterval = 86_400

    /// The trust list this platform publishes for its verifiers (docs/TRUST-LIST.md): its issuer with the CSCA,
    /// every document signer (retired ones too, so that what they signed stays verifiable), the SHC/VC keys bound
    /// to the issuer URL, the CSCA as VDS-NC signer CA, and the four credential types it issues.
    ///
    /// Document signers marked compromised (``compromiseKey(keyID:reason:revoke:by:now:)``) stay listed with their kid
    /// revoked, so verifiers refuse what they signed. The sequence number is the number of signing keys the issuer
    /// ever had plus the number of compromise marks: every rotation and every mark publishes a higher one.
    public func trustList(now: Date = Date(), compromisedKeyIDs: Set<String> = []) -> TrustList {
        let (issuer, keys, keySet) = state.withLock { ($0.keyring.issuer, $0.keyring.keys, $0.keyring.keySet) }
        let csca = keys.filter { $0.kind == .csca }
        let seconds = Int64(now.timeIntervalSince1970.rounded(.down))
        let window = (
            notBefore: Int64(csca.map(\.notBefore).min()?.timeIntervalSince1970 ?? 0),
            notAfter: Int64(csca.map(\.notAfter).max()?.timeIntervalSince1970 ?? 0)
        )
        let entry = TrustListIssuer(
            id: issuer.id.uuidString.lowercased(), country: issuer.country, notBefore: window.notBefore,
            notAfter: window.notAfter, credentialTypes: [.hc1, .shc, .vds, .vc],
            cscaCertificates: csca.map(\.certificateDER),
            documentSigners: keys.filter { $0.kind == .dsc }.map(\.certificateDER),
            revokedKids: compromisedKeyIDs.intersection(keys.filter { $0.kind == .dsc }.map(\.keyID)),
            shcIssuerURL: issuer.publicURL, shcKeys: keySet["keys"]?.arrayValue?.compactMap(\.objectValue) ?? [],
            vdsSignerCAs: csca.map(\.certificateDER))
        return TrustList(
            sequence: UInt64(keys.count + compromisedKeyIDs.count), issuedAt: seconds, nextUpdate: seconds + Int64(Self.trustListUpdateInterval),
            issuers: [entry])
    }

    /// The offline revocation snapshot of the first `version` revocations (all when nil); see
    /// ``RevocationPublisher``. Verifications through this registry see revocations at once; verifiers offline see
    /// them with their next snapshot or delta.
    public func revocationSnapshot(version: UInt64? = nil, now: Date = Date()) async throws -> RevocationSnapshot {
        try await revocationPublisher.snapshot(registry: self, version: version, now: now)
    }

    /// The change from version `since` to the current snapshot, or nil when there is none (`since` is current).
    /// - Throws: `REVOCATION_VERSION_MISMATCH` (``RevocationError``) when `since` is above the current version.
    public func revocationDelta(since: UInt64, now: Date = Date()) async throws -> RevocationDelta? {
        let current = try await revocationSnapshot(now: now)
        guard since != current.version else { return nil }
        guard since < current.version else {
            throw RevocationError(
                .versionMismatch, "expected a version up to the current \(current.version), found \(since)")
        }
        let old = try await revocationSnapshot(version: since, now: now)
        return try RevocationDelta(from: old, to: current)
    }
}
