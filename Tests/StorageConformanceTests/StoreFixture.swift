import Foundation
import Storage
import TransparencyLog

/// Entities for the conformance tests: deterministic except for ids, with times that have sub-millisecond parts
/// (stores keep milliseconds).
struct StoreFixture {
    /// A time with a fraction finer than a millisecond.
    static let now = Date(timeIntervalSince1970: 1_800_000_000.123_456)
    /// `now` as every store reads it back.
    static let nowInMilliseconds = Date(timeIntervalSince1970: 1_800_000_000.123)

    let issuer = Issuer(name: "Test Ministry of Health", country: "XX", publicURL: "https://dvc.example.org", createdAt: Self.now)

    func key(_ kind: SigningKey.Kind, _ keyID: String, status: SigningKey.Status = .active, issuer: Issuer? = nil) -> SigningKey {
        SigningKey(
            issuerID: (issuer ?? self.issuer).id, kind: kind, keyID: keyID, certificateDER: Array("cert \(keyID)".utf8),
            sealedPrivateKey: Array("sealed key \(keyID)".utf8) + [0, 255], status: status,
            notBefore: Self.now, notAfter: Self.now.addingTimeInterval(86_400 * 365), createdAt: Self.now)
    }

    func site(_ code: String, issuer: Issuer? = nil) -> Site {
        Site(issuerID: (issuer ?? self.issuer).id, code: code, name: "Site \(code)", createdAt: Self.now)
    }

    func principal(_ tokenID: String, role: Principal.Role = .issuer, site: Site? = nil) -> Principal {
        Principal(
            name: "principal \(tokenID)", role: role, tokenID: tokenID, tokenHash: Array(repeating: 7, count: 32),
            siteID: site?.id, createdAt: Self.now)
    }

    /// A dose with payloads in `formats`, identified as `identifier-<format>`.
    func issuance(
        by principal: Principal, signedWith key: SigningKey, identifier: String,
        formats: [CertificatePayload.Format] = [.hc1, .shc], holder: Holder? = nil, idempotency: (key: String, hash: UInt8)? = nil
    ) -> Issuance {
        let holder = holder ?? Holder(lookupHash: Array("lookup \(identifier)".utf8), sealedPersonalData: [1, 2, 3, 0], createdAt: Self.now)
        let event = VaccinationEvent(
            holderID: holder.id, issuerID: issuer.id, recordedBy: principal.id, date: "2026-11-30", dose: 2,
            totalDoses: 2, vaccineSystem: "http://snomed.info/sct", vaccineCode: "1119349007", lot: "LOT-\(identifier)",
            sealedRecord: Array("sealed record \(identifier)".utf8), createdAt: Self.now)
        let certificate = StoredCertificate(
            eventID: event.id, issuerID: issuer.id, issuedBy: principal.id, issuedAt: Self.now,
            expiresAt: Self.now.addingTimeInterval(86_400),
            payloads: formats.map {
                CertificatePayload(
                    format: $0, identifier: "\(identifier)-\($0.rawValue)", signingKeyID: key.id,
                    sealedPayload: Array("sealed \($0.rawValue) \(identifier)".utf8),
                    payloadHash: Self.payloadHash($0, identifier))
            })
        let record = idempotency.map {
            IdempotentResponse(
                principalID: principal.id, key: $0.key, requestHash: Array(repeating: $0.hash, count: 32),
                certificateID: certificate.id, createdAt: Self.now)
        }
        return Issuance(holder: holder, event: event, certificate: certificate, idempotency: record)
    }

    /// SHA-256 of the payload text a format's payload of `identifier` stands for (`payload <format> <identifier>`).
    static func payloadHash(_ format: CertificatePayload.Format, _ identifier: String) -> [UInt8] {
        LogEntry.payloadHash("payload \(format.rawValue) \(identifier)").bytes
    }

    /// An issuer, its CSCA and active DSC, and an issuing principal, stored.
    func seed(_ store: any PlatformStore) async throws -> (dsc: SigningKey, principal: Principal) {
        try await store.insert(issuer)
        try await store.insert(key(.csca, "csca-1"))
        let dsc = key(.dsc, "dsc-1")
        try await store.insert(dsc)
        let principal = principal("token-issuer")
        try await store.insert(principal)
        return (dsc, principal)
    }
}

extension Date {
    /// This date as stores read it back: rounded down to the millisecond.
    var storedPrecision: Date {
        Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}
