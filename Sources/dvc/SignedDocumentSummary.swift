import CredentialVerification
import Crypto
import Foundation
import Revocation
import TrustList
import Verifier

/// What `dvc trust fetch` and `dvc trust show` say about a signed trust list (compact JWS text) or revocation
/// snapshot (COSE bytes): checked against the anchors when given, read without a check otherwise.
struct SignedDocumentSummary {
    /// One line: kind, version, freshness, and whether the signature was checked.
    let headline: String
    /// The headline and the details, several lines.
    let text: String

    /// Reads `bytes`; throws when anchors are given and the signature does not verify, or when the bytes are
    /// neither document.
    init(_ bytes: [UInt8], anchors: [String: P256.Signing.PublicKey]?, now: Date) throws {
        let checked = anchors == nil ? "signature NOT checked (no --anchor)" : "signature verified"
        if bytes.first == UInt8(ascii: "e") {
            try self.init(trustList: bytes, anchors: anchors, now: now, checked: checked)
        } else {
            try self.init(revocation: bytes, anchors: anchors, now: now, checked: checked)
        }
    }

    private init(trustList bytes: [UInt8], anchors: [String: P256.Signing.PublicKey]?, now: Date, checked: String) throws {
        let list: TrustList
        var lines: [String] = []
        do {
            if let anchors {
                let verified = try SignedTrustList.verify(bytes, anchors: anchors, now: now)
                list = verified.list
                let material = verified.trustMaterial(at: now)
                let accepted = material.documentSigners.filter(\.isAccepted).count
                lines.append("DSCs: \(accepted) of \(material.documentSigners.count) accepted at \(Timestamp.format(now))")
                for check in material.documentSigners where !check.isAccepted {
                    lines.append("  refused: issuer \(check.issuerID), kid \(check.kid): \(check.refusal?.code ?? "")")
                }
                lines += verified.warnings.map { "warning: \($0.code): \($0.message)" }
            } else {
                list = try SignedTrustList.readUnverified(bytes).list
            }
        } catch let error as TrustListError {
            throw CommandError.io("expected a signed trust list, found it refused: \(error)")
        }
        let stale = list.isStale(at: now) ? ", STALE" : ""
        headline = "trust list sequence \(list.sequence), issued \(Self.time(seconds: list.issuedAt)), next update \(Self.time(seconds: list.nextUpdate))\(stale); \(list.issuers.count) issuers; \(checked)"
        var details = [headline]
        for issuer in list.issuers {
            let types = issuer.credentialTypes.map(\.rawValue).sorted().joined(separator: ",")
            details.append(
                "issuer \(issuer.id) (\(issuer.country)): \(types); \(issuer.cscaCertificates.count) CSCA, \(issuer.documentSigners.count) DSC, \(issuer.shcKeys.count) JWK, \(issuer.vdsSignerCAs.count) VDS-NC CA, \(issuer.revokedKids.count) revoked kid(s)"
            )
        }
        text = (details + lines).joined(separator: "\n") + "\n"
    }

    private init(revocation bytes: [UInt8], anchors: [String: P256.Signing.PublicKey]?, now: Date, checked: String) throws {
        let snapshot = try Self.snapshot(bytes, anchors: anchors)
        let stale = Int64(now.timeIntervalSince1970 * 1000) > snapshot.nextUpdate ? ", STALE" : ""
        headline = "revocation snapshot version \(snapshot.version), issued \(Timestamp.format(milliseconds: snapshot.issuedAt)), next update \(Timestamp.format(milliseconds: snapshot.nextUpdate))\(stale); \(snapshot.count) entries; \(checked)"
        let counts = RevocationHashType.allCases.map { "\($0.rawValue) \(snapshot.count(of: $0))" }.joined(separator: ", ")
        text = headline + "\n" + counts + "\n"
    }

    /// The snapshot in `bytes`, checked against the anchors when given.
    private static func snapshot(_ bytes: [UInt8], anchors: [String: P256.Signing.PublicKey]?) throws -> RevocationSnapshot {
        do {
            return try SignedRevocationData.snapshot(
                from: bytes, trustedKeys: anchors.map { Array($0.values) } ?? [], verifyingSignature: anchors != nil)
        } catch {
            throw CommandError.io("expected a signed trust list or revocation snapshot, found it refused: \(error)")
        }
    }

    static func time(seconds: Int64) -> String { Timestamp.format(Date(timeIntervalSince1970: Double(seconds))) }
}
