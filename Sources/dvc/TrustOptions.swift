import ArgumentParser
import CodedErrors
import Crypto
import Foundation
import JOSE
import Revocation
import SMARTHealthCards
import Trust
import TrustList
import Verifier

/// `--trust PATH` and `--trust ISS=PATH` (repeatable): X.509 certificates or JWK sets; `--trust-list FILE` and
/// `--revocation FILE`, signed by a key of `--anchor FILE`.
struct TrustOptions: ParsableArguments {
    @Option(
        name: .customLong("trust"),
        help: ArgumentHelp(
            "A trusted certificate (PEM, DER or one line of base64 DER: a DSC, or a CSCA for VDS-NC barcode signers) or JWKS file; ISS=PATH binds a JWKS to issuer ISS. Repeatable.",
            valueName: "PATH"))
    var paths: [String] = []

    @Option(
        name: .customLong("trust-list"),
        help: ArgumentHelp(
            "A signed trust list (from dvc trust fetch); only the DSCs and keys that pass its checks are trusted. Needs --anchor.",
            valueName: "FILE"))
    var trustList: String?

    @Option(
        name: .customLong("revocation"),
        help: ArgumentHelp(
            "A signed revocation snapshot (GET /api/v1/revocation/snapshot); looked up offline. Needs --anchor.",
            valueName: "FILE"))
    var revocation: String?

    @Option(
        name: .customLong("revocation-delta"),
        help: ArgumentHelp(
            "A signed revocation delta (GET /api/v1/revocation/delta?since=V) applied to --revocation, in order. Repeatable.",
            valueName: "FILE"))
    var revocationDeltas: [String] = []

    @Option(
        name: .customLong("anchor"),
        help: ArgumentHelp(
            "The platform's trust-anchor keys (a JWKS: GET /api/v1/trust/anchors), which sign trust lists and revocation data. Repeatable.",
            valueName: "FILE"))
    var anchorPaths: [String] = []

    /// What `--trust`, `--trust-list` and `--revocation` load: the trust store, the SMART Health Card revocation
    /// lists found beside JWKS files (`crl/<kid>.json` for each key with a `crlVersion`), the revocation snapshot,
    /// the DSC kids the trust list revokes and its warnings.
    struct Material {
        var store = TrustStore()
        var revocationLists: [SHCRevocationList] = []
        var revocation: RevocationSnapshot?
        var revokedSignerKeyIDs: Set<[UInt8]> = []
        var warnings: [GenericCodedError] = []

        /// A verifier over this material.
        var verifier: Verifier {
            var verifier = Verifier(
                trustStore: store, smartHealthCardRevocationLists: revocationLists, revocationSnapshot: revocation)
            verifier.revokedSignerKeyIDs = revokedSignerKeyIDs
            verifier.trustWarnings = warnings
            return verifier
        }
    }

    /// The trust-anchor keys of `--anchor`, by key id.
    func anchors() throws -> [String: P256.Signing.PublicKey] {
        var anchors: [String: P256.Signing.PublicKey] = [:]
        for path in anchorPaths {
            let keys: JWKSet
            do {
                keys = try JWKSet(data: Array(try InputSource.read(path)))
            } catch let error as CommandError {
                throw error
            } catch {
                throw CommandError.io("expected a JWKS of trust-anchor keys in \(path): \(error)")
            }
            for key in keys.keys {
                anchors[key.keyID ?? key.thumbprint] = key.publicKey
            }
        }
        return anchors
    }

    /// Loads the signed trust list and revocation snapshot into `material`, checking their signatures first.
    func loadSigned(into material: inout Material, now: Date) throws {
        guard trustList != nil || revocation != nil else { return }
        let anchors = try anchors()
        guard !anchors.isEmpty else {
            throw CommandError.usage("expected --anchor with the trust-anchor keys for --trust-list and --revocation, found none")
        }
        if let trustList {
            let verified: VerifiedTrustList
            do {
                verified = try SignedTrustList.verify(Array(try InputSource.read(trustList)), anchors: anchors, now: now)
            } catch let error as TrustListError {
                throw CommandError.io("expected a trust list signed by a trust anchor in \(trustList), found it refused: \(error)")
            }
            let listed = verified.trustMaterial(at: now)
            material.store = listed.store
            material.revokedSignerKeyIDs = listed.revokedKids
            material.warnings += listed.warnings.map { GenericCodedError(code: $0.code, message: $0.message) }
        }
        if let revocation {
            do {
                var snapshot = try SignedRevocationData.snapshot(
                    from: Array(try InputSource.read(revocation)), trustedKeys: Array(anchors.values))
                for path in revocationDeltas {
                    let delta = try SignedRevocationData.delta(from: Array(try InputSource.read(path)), trustedKeys: Array(anchors.values))
                    snapshot = try snapshot.applying(delta)
                }
                material.revocation = snapshot
            } catch let error as RevocationError {
                throw CommandError.io("expected revocation data signed by a trust anchor that applies in order, found it refused: \(error)")
            }
        } else if !revocationDeltas.isEmpty {
            throw CommandError.usage("expected --revocation with the snapshot the deltas apply to, found only --revocation-delta")
        }
    }

    /// Loads every file into one trust store.
    func loadTrustStore() throws -> TrustStore {
        try load().store
    }

    /// Loads every file: the signed trust list and revocation data (checked against `--anchor`), then certificates
    /// and JWK sets into the trust store, and revocation lists beside the JWK sets.
    func load(now: Date = Date()) throws -> Material {
        var material = Material()
        try loadSigned(into: &material, now: now)
        for argument in paths {
            var path = argument
            var issuer: String?
            if !FileManager.default.fileExists(atPath: argument), let equals = argument.firstIndex(of: "="),
                equals != argument.startIndex
            {
                issuer = String(argument[..<equals])
                path = String(argument[argument.index(after: equals)...])
            }
            let data = Array(try InputSource.read(path))
            let firstNonSpace = data.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
            if firstNonSpace == UInt8(ascii: "{") {
                do {
                    material.store.add(try JWKSet(data: data), issuer: issuer)
                } catch {
                    throw CommandError.io("expected a JWKS in \(path): \(error)")
                }
                do {
                    material.revocationLists += try SHCRevocationList.lists(
                        besideJWKSFile: URL(fileURLWithPath: path), issuer: issuer)
                } catch {
                    throw CommandError.io("expected readable revocation lists beside \(path): \(error)")
                }
                continue
            }
            guard issuer == nil else {
                throw CommandError.usage("expected a JWKS after ISS= in --trust \(argument), found a certificate file")
            }
            let certificates: [DocumentSignerCertificate]
            do {
                certificates = try TrustMaterialLoader.certificates(from: data)
            } catch {
                throw CommandError.io("expected certificates in \(path): \(error)")
            }
            for certificate in certificates {
                material.store.add(certificate)
                // A CA certificate (a CSCA) also vouches for the barcode signers embedded in VDS-NC seals.
                if let authority = try? SigningAuthority(derEncoded: certificate.derBytes),
                    authority.isCertificateAuthority == true
                {
                    material.store.add(authority: authority)
                }
            }
        }
        return material
    }
}
