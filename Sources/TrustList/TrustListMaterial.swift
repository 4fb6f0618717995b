import Foundation
import Trust

/// What a verifier loads from a verified trust list: a ``Trust/TrustStore`` with only the material that passed
/// its checks, the revoked DSC kids, and the reasons for everything left out.
public struct TrustListMaterial: Sendable {
    /// Accepted DSCs, the JWKS of each issuer bound to its issuer URL, and readable VDS-NC signer CAs.
    public var store: TrustStore
    /// The 8-byte kids of every revoked DSC of every issuer: a credential signed under one of them is revoked,
    /// not merely untrusted.
    public var revokedKids: Set<[UInt8]>
    /// The outcome for every DSC in the list, in list order.
    public var documentSigners: [DocumentSignerCheck]
    /// Material left out other than DSCs: unreadable or expired CSCAs and VDS-NC CAs, key sets of issuers outside
    /// their window or not allowed their credential type.
    public var problems: [TrustListError]
    /// The list's warnings (``TrustListWarning/staleCode``), to be reported with every result.
    public var warnings: [TrustListWarning]

    /// Whether `kid` (8 bytes) is the kid of a revoked DSC.
    public func isRevoked(kid: some Collection<UInt8>) -> Bool {
        revokedKids.contains(Array(kid))
    }
}

extension VerifiedTrustList {
    /// The trust material of the list at `now`.
    ///
    /// - DSCs: those accepted by ``TrustListIssuer/checkDocumentSigners(at:)``.
    /// - JWKS: the keys of issuers inside their window that may sign `shc`, `vc` or `sdjwt`, bound to their
    ///   ``TrustListIssuer/shcIssuerURL``.
    /// - VDS-NC: the signer CAs of issuers inside their window that may sign `vds`, when readable as CA certificates
    ///   and valid at `now`.
    /// - Revoked kids: from every issuer, whatever its window.
    public func trustMaterial(at now: Date) -> TrustListMaterial {
        list.trustMaterial(at: now, warnings: warnings)
    }
}

extension TrustList {
    func trustMaterial(at now: Date, warnings: [TrustListWarning]) -> TrustListMaterial {
        var store = TrustStore()
        var revoked = Set<[UInt8]>()
        var problems: [TrustListError] = []
        let checks = checkDocumentSigners(at: now)
        for check in checks {
            if let certificate = check.certificate { store.add(certificate) }
        }
        for issuer in issuers {
            for kid in issuer.revokedKids {
                if let bytes = StandardBase64.decode(kid) { revoked.insert(bytes) }
            }
            for (index, der) in issuer.cscaCertificates.enumerated() where (try? SigningAuthority(derEncoded: der)) == nil {
                problems.append(TrustListError(.authorityInvalid, "issuer \(issuer.id): expected CSCA \(index) to be a readable CA certificate, found one that is not"))
            }
            addKeys(of: issuer, at: now, to: &store, problems: &problems)
            addSignerCAs(of: issuer, at: now, to: &store, problems: &problems)
        }
        return TrustListMaterial(store: store, revokedKids: revoked, documentSigners: checks, problems: problems, warnings: warnings)
    }

    private func addKeys(of issuer: TrustListIssuer, at now: Date, to store: inout TrustStore, problems: inout [TrustListError]) {
        guard let url = issuer.shcIssuerURL, !issuer.shcKeys.isEmpty else { return }
        guard !issuer.credentialTypes.isDisjoint(with: [.shc, .vc, .sdjwt]) else {
            problems.append(TrustListError(.typeNotAllowed, "issuer \(issuer.id): expected shc, vc or sdjwt among its types for its keys, found none"))
            return
        }
        guard issuer.isInWindow(now) else {
            problems.append(TrustListError(.issuerOutsideWindow, "issuer \(issuer.id): expected a check time inside its window for its keys, found one outside"))
            return
        }
        do {
            store.add(try JWKSetBuilder.keySet(issuer.shcKeys), issuer: url)
        } catch {
            problems.append(TrustListError(.malformed, "issuer \(issuer.id): expected a readable key set, found one that is not"))
        }
    }

    private func addSignerCAs(of issuer: TrustListIssuer, at now: Date, to store: inout TrustStore, problems: inout [TrustListError]) {
        guard !issuer.vdsSignerCAs.isEmpty else { return }
        guard issuer.credentialTypes.contains(.vds) else {
            problems.append(TrustListError(.typeNotAllowed, "issuer \(issuer.id): expected vds among its types for its VDS-NC CAs, found it missing"))
            return
        }
        guard issuer.isInWindow(now) else {
            problems.append(TrustListError(.issuerOutsideWindow, "issuer \(issuer.id): expected a check time inside its window for its VDS-NC CAs, found one outside"))
            return
        }
        for (index, der) in issuer.vdsSignerCAs.enumerated() {
            guard let authority = try? SigningAuthority(derEncoded: der) else {
                problems.append(TrustListError(.authorityInvalid, "issuer \(issuer.id): expected VDS-NC CA \(index) to be a readable CA certificate, found one that is not"))
                continue
            }
            guard now >= authority.certificate.notValidBefore, now <= authority.certificate.notValidAfter else {
                problems.append(TrustListError(.authorityInvalid, "issuer \(issuer.id): expected VDS-NC CA \(index) to be valid at the check time, found it outside its validity"))
                continue
            }
            store.add(authority: authority)
        }
    }
}
