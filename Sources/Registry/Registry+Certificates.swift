import Foundation
import Issuance
import Storage

extension Registry {
    /// A certificate with its payloads opened, or nil.
    public func certificate(id: UUID) async throws -> IssuedCertificate? {
        guard let stored = try await store.certificate(id: id) else { return nil }
        let payloads = try stored.payloads.map { payload in
            let text = try sealer.open(payload.sealedPayload, context: Self.payloadContext(stored.id, payload.format.rawValue))
            return IssuedCertificate.Payload(
                format: IssuanceFormat(rawValue: payload.format.rawValue)!, identifier: payload.identifier,
                text: String(decoding: text, as: UTF8.self))
        }
        return IssuedCertificate(
            id: stored.id, issuedAt: stored.issuedAt, expiresAt: stored.expiresAt, payloads: payloads,
            revocation: stored.revocation, isReplay: false)
    }

    /// Revokes a certificate in every format: `CERTIFICATE_NOT_FOUND` or `CERTIFICATE_REVOKED` when it cannot be.
    /// Verifications through this registry report it revoked at once.
    @discardableResult
    public func revoke(certificateID: UUID, reason: String, by principal: Principal, now: Date = Date()) async throws -> Revocation {
        let revocation = Revocation(certificateID: certificateID, reason: reason, revokedBy: principal.id, revokedAt: now)
        do {
            try await store.revoke(revocation)
        } catch let error as StorageError where error.errorCode == .notFound {
            throw RegistryError(.certificateNotFound, "expected a certificate with the id, found none")
        } catch let error as StorageError where error.errorCode == .conflict {
            throw RegistryError(.revoked, "expected a certificate that is not revoked, found it revoked")
        }
        let payloads = try await store.certificate(id: certificateID)?.payloads ?? []
        state.withLock { state in
            for payload in payloads {
                state.revokedIdentifiers.insert(Self.revocationKey(payload.format.rawValue, payload.identifier))
            }
            state.revokedCertificates.insert(certificateID)
        }
        return revocation
    }

    /// Reads revocations and suspensions stored by other processes (replicas on one database) into this registry's
    /// verification.
    public func refreshRevocations() async throws {
        let known = state.withLock { $0.revokedCertificates }
        var keys: [String] = []
        var certificates: [UUID] = []
        for revocation in try await store.revocations() where !known.contains(revocation.certificateID) {
            certificates.append(revocation.certificateID)
            for payload in try await store.certificate(id: revocation.certificateID)?.payloads ?? [] {
                keys.append(Self.revocationKey(payload.format.rawValue, payload.identifier))
            }
        }
        try await refreshSuspensions()
        guard !certificates.isEmpty else { return }
        state.withLock { state in
            state.revokedIdentifiers.formUnion(keys)
            state.revokedCertificates.formUnion(certificates)
        }
    }
}
