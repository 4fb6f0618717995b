import Crypto
import Foundation
import JOSE
import JSON
import Revocation
import TrustList
import Verifier

/// The log's ES256 key is the platform's **trust anchor**: besides tree heads it signs the trust list and the
/// revocation data that verifiers use offline, so a verifier pins one key (`GET /api/v1/trust/anchors`).
/// Each signed structure carries its own label or media type, so no signature can pass for another kind.
extension TransparencyLogService {
    /// The anchor's public key as a JWKS (`kid` = ``keyID``).
    public var anchorKeySet: JSONValue {
        .object(["keys": .array([.object(JWK.signingKeyJSON(for: publicKey, keyID: keyID))])])
    }

    /// The registry's trust list (``Registry/trustList(now:)``) as a compact JWS by the anchor.
    public func signedTrustList(registry: Registry, now: Date = Date()) async throws -> [UInt8] {
        let compromised = try await registry.compromisedKeyIDs()
        return try SignedTrustList.sign(registry.trustList(now: now, compromisedKeyIDs: compromised), key: key, keyID: keyID)
    }

    /// The current revocation snapshot as a COSE_Sign1 by the anchor.
    public func signedRevocationSnapshot(registry: Registry, now: Date = Date()) async throws -> [UInt8] {
        try SignedRevocationData.sign(try await registry.revocationSnapshot(now: now), key: key, keyID: Array(keyID.utf8))
    }

    /// The delta since `version` as a COSE_Sign1 by the anchor, or nil when `version` is current.
    public func signedRevocationDelta(registry: Registry, since version: UInt64, now: Date = Date()) async throws -> [UInt8]? {
        guard let delta = try await registry.revocationDelta(since: version, now: now) else { return nil }
        return try SignedRevocationData.sign(delta, key: key, keyID: Array(keyID.utf8))
    }
}
