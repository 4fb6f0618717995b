import Foundation
import Trust
import X509

extension TrustListIssuer {
    /// Checks every document signer of the issuer at `now`.
    ///
    /// A DSC is accepted only when, in this order: its kid is not revoked (`TRUST_LIST_DSC_REVOKED`); the issuer
    /// may sign `hc1` (`TRUST_LIST_TYPE_NOT_ALLOWED`); `now` is inside the issuer's window
    /// (`TRUST_LIST_ISSUER_OUTSIDE_WINDOW`); swift-certificates reads it and its key is supported
    /// (`TRUST_LIST_DSC_UNREADABLE`); one of the issuer's CSCAs issued it, by name and signature
    /// (`TRUST_LIST_DSC_NOT_CHAINED`); such a CSCA is valid at `now` (`TRUST_LIST_AUTHORITY_INVALID`); `now` is
    /// inside the DSC's own validity (`TRUST_LIST_DSC_NOT_YET_VALID`, `TRUST_LIST_DSC_EXPIRED`); it has a KeyUsage
    /// with digitalSignature (`TRUST_LIST_DSC_KEY_USAGE`); and its subject country, when present, is the issuer's
    /// (`TRUST_LIST_DSC_COUNTRY_MISMATCH`).
    public func checkDocumentSigners(at now: Date) -> [DocumentSignerCheck] {
        // CSCAs that are not readable CA certificates cannot anchor anything; they are reported by
        // ``VerifiedTrustList/trustMaterial(at:)``.
        let authorities = cscaCertificates.compactMap { try? SigningAuthority(derEncoded: $0) }
        return documentSigners.map { checkDocumentSigner($0, authorities: authorities, at: now) }
    }

    func checkDocumentSigner(_ der: [UInt8], authorities: [SigningAuthority], at now: Date) -> DocumentSignerCheck {
        let kid = Self.kid(ofCertificate: der)
        func refused(_ code: TrustListError.Code, _ message: String) -> DocumentSignerCheck {
            DocumentSignerCheck(
                issuerID: id, kid: kid, certificate: nil, refusal: TrustListError(code, "DSC \(kid) of issuer \(id): \(message)"))
        }
        if revokedKids.contains(kid) {
            return refused(.dscRevoked, "expected a DSC that is not revoked, found its kid in the revoked list")
        }
        guard credentialTypes.contains(.hc1) else {
            return refused(.typeNotAllowed, "expected an issuer allowed to sign hc1, found one that is not")
        }
        guard isInWindow(now) else {
            return refused(.issuerOutsideWindow, "expected a check time inside the issuer's window, found one outside")
        }
        guard let certificate = try? Certificate(derEncoded: der), let signer = try? DocumentSignerCertificate(derEncoded: der),
            !signer.parsedWithFallback
        else {
            return refused(.dscUnreadable, "expected a certificate swift-certificates reads with a supported key, found one it does not")
        }
        let issuing = authorities.filter { $0.issued(certificate) }
        guard !issuing.isEmpty else {
            return refused(.dscNotChained, "expected a DSC issued by one of the issuer's \(authorities.count) CSCAs, found none that did")
        }
        guard issuing.contains(where: { now >= $0.certificate.notValidBefore && now <= $0.certificate.notValidAfter }) else {
            return refused(.authorityInvalid, "expected the issuing CSCA to be valid at the check time, found it outside its validity")
        }
        guard now >= certificate.notValidBefore else {
            return refused(.dscNotYetValid, "expected a check time at or after the DSC's notBefore, found one before")
        }
        guard now <= certificate.notValidAfter else {
            return refused(.dscExpired, "expected a check time at or before the DSC's notAfter, found one after")
        }
        guard let keyUsage = try? certificate.extensions.keyUsage, keyUsage.digitalSignature else {
            return refused(.dscKeyUsage, "expected a KeyUsage extension with digitalSignature, found none")
        }
        if let subjectCountry = signer.subjectCountry, subjectCountry != country {
            return refused(.dscCountryMismatch, "expected subject country \(country), found another")
        }
        return DocumentSignerCheck(issuerID: id, kid: kid, certificate: signer, refusal: nil)
    }

    /// Whether `now` is inside ``notBefore``...``notAfter``.
    func isInWindow(_ now: Date) -> Bool {
        let seconds = now.timeIntervalSince1970
        return Double(notBefore) <= seconds && seconds <= Double(notAfter)
    }
}

extension TrustList {
    /// Checks every document signer of every issuer at `now` (see ``TrustListIssuer/checkDocumentSigners(at:)``),
    /// in list order.
    public func checkDocumentSigners(at now: Date) -> [DocumentSignerCheck] {
        issuers.flatMap { $0.checkDocumentSigners(at: now) }
    }
}
