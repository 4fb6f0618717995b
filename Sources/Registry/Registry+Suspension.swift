import CredentialVerification
import Foundation
import Storage

extension Registry {
    /// Suspends a certificate in every format until `until` (issue 7, point 3): verifications through this registry
    /// fail with `CERTIFICATE_SUSPENDED` until then, and the next revocation snapshot lists its keys with that end,
    /// so offline verifiers report `CREDENTIAL_SUSPENDED` until then and pass it again after, with nothing to lift.
    ///
    /// - Throws: `SUSPENSION_INVALID` for an end not after `now` or a reason outside 1 to 200 characters;
    ///   `CERTIFICATE_NOT_FOUND`; `CERTIFICATE_REVOKED` when it is revoked or suspended already.
    @discardableResult
    public func suspend(
        certificateID: UUID, until: Date, reason: String, by principal: Principal, now: Date = Date()
    ) async throws -> Suspension {
        guard until > now else {
            throw RegistryError(.suspensionInvalid, "expected an end after now (\(Timestamp.format(now))), found \(Timestamp.format(until))")
        }
        guard (1...200).contains(reason.count) else {
            throw RegistryError(.suspensionInvalid, "expected a reason of 1 to 200 characters, found \(reason.count)")
        }
        let suspension = Suspension(certificateID: certificateID, until: until, reason: reason, suspendedBy: principal.id, suspendedAt: now)
        do {
            try await store.suspend(suspension)
        } catch let error as StorageError where error.errorCode == .notFound {
            throw RegistryError(.certificateNotFound, "expected a certificate with the id, found none")
        } catch let error as StorageError where error.errorCode == .conflict {
            throw RegistryError(.revoked, "expected a certificate that is neither revoked nor suspended, found it \(error.message.contains("revoked") ? "revoked" : "suspended")")
        }
        try await refreshSuspensions()
        return suspension
    }

    /// Reads suspensions stored since the last read (here or by another replica) into this registry's verification.
    func refreshSuspensions() async throws {
        let known = state.withLock { Set($0.suspendedCertificates) }
        var added: [String: Date] = [:]
        var certificates: [UUID] = []
        for suspension in try await store.suspensions() where !known.contains(suspension.certificateID) {
            certificates.append(suspension.certificateID)
            for payload in try await store.certificate(id: suspension.certificateID)?.payloads ?? [] {
                added[Self.revocationKey(payload.format.rawValue, payload.identifier)] = suspension.until
            }
        }
        guard !certificates.isEmpty else { return }
        state.withLock { state in
            state.suspendedIdentifiers.merge(added) { _, new in new }
            state.suspendedCertificates.formUnion(certificates)
        }
    }
}
