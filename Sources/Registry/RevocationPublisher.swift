import COSE
import EUDCC
import Foundation
import JOSE
import Revocation
import Storage
import Synchronization
import Trust

/// Turns the store's revocations into the offline snapshot verifiers download (docs/REVOCATION.md §8).
///
/// Revocations are append-only and listed oldest first, so **version V is the first V revocations**: any replica
/// builds the same snapshot for a version, and a delta since V is the revocations after the first V. Each
/// revocation's keys are derived once and kept (the payloads must be opened to find the EU DCC signature).
final class RevocationPublisher: Sendable {
    /// How long a snapshot stays current before verifiers should fetch again (1 hour).
    static let updateInterval: TimeInterval = 3_600

    /// The keys of the revocations seen so far, in revocation order.
    private let derived = Mutex<[[RevocationEntry]]>([])

    /// The keys of every revocation, oldest first, deriving those not seen yet.
    func entries(registry: Registry) async throws -> [[RevocationEntry]] {
        let revocations = try await registry.store.revocations()
        let known = derived.withLock { $0.count }
        if revocations.count > known {
            var added: [[RevocationEntry]] = []
            for revocation in revocations[known...] {
                added.append(try await Self.entries(of: revocation, registry: registry))
            }
            derived.withLock { list in
                if list.count == known { list += added }
            }
        }
        return derived.withLock { Array($0.prefix(revocations.count)) }
    }

    /// The snapshot of the first `version` revocations (all when nil).
    func snapshot(registry: Registry, version: UInt64? = nil, now: Date) async throws -> RevocationSnapshot {
        let all = try await entries(registry: registry)
        let count = version.map { Int(min($0, UInt64(all.count))) } ?? all.count
        let issuedAt = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        return RevocationSnapshot(
            version: UInt64(count), issuedAt: issuedAt, nextUpdate: issuedAt + Int64(Self.updateInterval * 1000),
            entries: all.prefix(count).flatMap { $0 })
    }

    /// The keys under which verifiers find one revoked certificate: per payload, EU DCC UCI, COUNTRYCODEUCI and
    /// SIGNATURE; SHC issuer+kid+rid; VDS-NC CERTIFICATE of the seal's UVCI; W3C VC UCI of its UVCI.
    static func entries(of revocation: Revocation, registry: Registry) async throws -> [RevocationEntry] {
        guard let certificate = try await registry.store.certificate(id: revocation.certificateID) else { return [] }
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
        return keys.map { RevocationEntry(key: $0) }
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
