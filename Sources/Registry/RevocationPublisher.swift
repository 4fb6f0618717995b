import COSE
import EUDCC
import Foundation
import JOSE
import Revocation
import Storage
import Synchronization
import Trust

/// Turns the store's revocations and suspensions into the offline snapshot verifiers download
/// (docs/REVOCATION.md §8).
///
/// Both are append-only; taken together in time order (revocation time or suspension time, then the certificate
/// id), **version V is the first V of them**: any replica builds the same snapshot for a version, and a delta since
/// V is what came after. A suspension is listed with its end, so verifiers pass the certificate again from then on;
/// a revocation of the same certificate is stronger. The keys of each certificate are derived once and kept (the
/// payloads must be opened to find the EU DCC signature).
final class RevocationPublisher: Sendable {
    /// How long a snapshot stays current before verifiers should fetch again (1 hour).
    static let updateInterval: TimeInterval = 3_600

    /// One published fact: a certificate revoked, or suspended until a time.
    struct Fact: Sendable {
        let certificateID: UUID
        let time: Date
        /// Nil for a revocation.
        let suspendedUntil: Date?
    }

    /// The keys of each certificate seen so far.
    private let derived = Mutex<[UUID: [RevocationKey]]>([:])

    /// Every revocation and suspension, in publication order.
    func facts(registry: Registry) async throws -> [Fact] {
        let revocations = try await registry.store.revocations().map {
            Fact(certificateID: $0.certificateID, time: $0.revokedAt, suspendedUntil: nil)
        }
        let suspensions = try await registry.store.suspensions().map {
            Fact(certificateID: $0.certificateID, time: $0.suspendedAt, suspendedUntil: $0.until)
        }
        return (revocations + suspensions).sorted { left, right in
            if left.time != right.time { return left.time < right.time }
            if left.certificateID != right.certificateID { return left.certificateID.uuidString < right.certificateID.uuidString }
            return left.suspendedUntil == nil && right.suspendedUntil != nil
        }
    }

    /// The snapshot of the first `version` facts (all when nil).
    func snapshot(registry: Registry, version: UInt64? = nil, now: Date) async throws -> RevocationSnapshot {
        let all = try await facts(registry: registry)
        let count = version.map { Int(min($0, UInt64(all.count))) } ?? all.count
        var entries: [RevocationEntry] = []
        for fact in all.prefix(count) {
            let until = fact.suspendedUntil.map { Int64(($0.timeIntervalSince1970 * 1000).rounded(.down)) }
            for key in try await keys(of: fact.certificateID, registry: registry) {
                entries.append(RevocationEntry(key: key, suspendedUntil: until))
            }
        }
        let issuedAt = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        return RevocationSnapshot(
            version: UInt64(count), issuedAt: issuedAt, nextUpdate: issuedAt + Int64(Self.updateInterval * 1000), entries: entries)
    }

    /// A certificate's keys, derived once.
    func keys(of certificateID: UUID, registry: Registry) async throws -> [RevocationKey] {
        if let known = derived.withLock({ $0[certificateID] }) { return known }
        let keys = try await Self.keys(of: certificateID, registry: registry)
        derived.withLock { $0[certificateID] = keys }
        return keys
    }

    /// The keys under which verifiers find one certificate: per payload, EU DCC UCI, COUNTRYCODEUCI and SIGNATURE;
    /// SHC issuer+kid+rid; VDS-NC CERTIFICATE of the seal's UVCI; W3C VC UCI of its UVCI.
    static func keys(of certificateID: UUID, registry: Registry) async throws -> [RevocationKey] {
        guard let certificate = try await registry.store.certificate(id: certificateID) else { return [] }
        let country = registry.issuer.country
        var keys: [RevocationKey] = []
        for payload in certificate.payloads {
            switch payload.format {
            case .hc1:
                keys.append(RevocationHashes.uci(payload.identifier))
                keys.append(RevocationHashes.countryCodeUCI(country: country, uci: payload.identifier))
                let text = try registry.sealer.open(
                    payload.sealedPayload, context: Registry.payloadContext(certificate.id, payload.format.rawValue))
                if let cose = try? HC1Transport.decode(Substring(decoding: text, as: UTF8.self)),
                    let message = try? COSESign1(decoding: cose)
                {
                    keys.append(RevocationHashes.signature(coseSignature: Array(message.signature), algorithm: .ecdsa))
                }
            case .shc:
                if let kid = registry.documentSignerThumbprint(signingKeyID: payload.signingKeyID) {
                    keys.append(RevocationHashes.shcRID(issuer: registry.issuer.publicURL, kid: kid, rid: payload.identifier))
                }
            case .vds:
                keys.append(RevocationHashes.certificate(identifier: payload.identifier))
            case .vc:
                keys.append(RevocationHashes.uci(payload.identifier))
            }
        }
        return keys
    }
}

extension Registry {
    /// The RFC 7638 thumbprint (the SHC and VC `kid`) of a document signer's key.
    func documentSignerThumbprint(signingKeyID: UUID) -> String? {
        let key = state.withLock { $0.keyring.keys.first { $0.id == signingKeyID } }
        guard let key, let certificate = try? DocumentSignerCertificate(derEncoded: key.certificateDER),
            case .p256(let publicKey) = certificate.publicKey
        else { return nil }
        return JWK.thumbprint(of: publicKey)
    }
}
