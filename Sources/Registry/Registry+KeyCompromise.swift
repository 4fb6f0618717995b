import Foundation
import Storage

extension Registry {
    /// Marks a document signer compromised (admin; issue 7, point 5):
    ///
    /// 1. the mark is stored, so every trust list from now on lists the DSC's kid as revoked (verifiers then refuse
    ///    whatever it signed: `TRUST_LIST_DSC_REVOKED`);
    /// 2. if it was the active signer, a new DSC is made first (``rotateDocumentSigner(validityDays:now:)``), so that
    ///    issuing goes on;
    /// 3. every certificate it signed is listed, and with `revoke` each one not yet revoked is revoked (it then
    ///    appears in the next revocation snapshot and in the transparency log).
    ///
    /// - Throws: `KEY_NOT_FOUND` when no document signer of this issuer has the kid; `KEY_COMPROMISED` when it is
    ///   marked already; `KEY_COMPROMISE_INVALID` for a reason outside 1 to 200 characters.
    public func compromiseKey(
        keyID: String, reason: String, revoke: Bool, by principal: Principal, now: Date = Date()
    ) async throws -> KeyCompromiseReport {
        guard (1...200).contains(reason.count) else {
            throw RegistryError(.keyCompromiseInvalid, "expected a reason of 1 to 200 characters, found \(reason.count)")
        }
        let keys = state.withLock { $0.keyring.keys }
        guard let key = keys.first(where: { $0.kind == .dsc && $0.keyID == keyID }) else {
            throw RegistryError(.keyNotFound, "expected the kid of one of the issuer's \(keys.filter { $0.kind == .dsc }.count) document signers, found another")
        }
        do {
            try await store.insert(KeyCompromise(signingKeyID: key.id, keyID: key.keyID, reason: reason, markedBy: principal.id, markedAt: now))
        } catch let error as StorageError where error.errorCode == .duplicate {
            throw RegistryError(.keyCompromised, "expected a key not yet marked compromised, found it marked")
        }
        var replacedBy: String?
        if key.status == .active {
            replacedBy = try await rotateDocumentSigner(now: now).keyID
        }
        let certificates = try await store.certificateIDs(signedBy: key.id)
        var revoked: [UUID] = []
        if revoke {
            for id in certificates {
                do {
                    try await self.revoke(certificateID: id, reason: "key compromise: \(reason)", by: principal, now: now)
                    revoked.append(id)
                } catch let error as RegistryError where error.errorCode == .revoked {
                    continue
                }
            }
        }
        return KeyCompromiseReport(keyID: key.keyID, certificates: certificates, revoked: revoked, replacedBy: replacedBy)
    }

    /// The kids of the document signers marked compromised, for the trust list.
    public func compromisedKeyIDs() async throws -> Set<String> {
        Set(try await store.keyCompromises().map(\.keyID))
    }
}
