import COSE
import CodedErrors
import Crypto
import EUDCC
import Foundation
import ICAOVDSNC
import JOSE
import JSON
import Revocation
import SMARTHealthCards
import Testing
import Trust
import VaccinationRecord
import Verifier
import W3CVerifiableCredentials

/// `Verifier.revocationSnapshot`: every format is looked up offline under its keys (EU DCC hash types, SHC rid,
/// the identifier), suspensions end, stale data warns, and a signed snapshot is refused when tampered with.
@Suite("Offline revocation check")
struct RevocationCheckTests {
    static let setup = Result { try CrossFormatRoundTripTests.Setup() }
    static let record = RoundTripRecords.all[0].record
    static let day: Int64 = 86_400_000

    /// One payload per format for ``record``, with rid `rid-1` on the SMART Health Card.
    static func payloads() throws -> [RoundTripFormat: String] {
        let setup = try setup.get()
        var payloads: [RoundTripFormat: String] = [:]
        for format in RoundTripFormat.allCases { payloads[format] = try setup.issue(format, record) }
        return payloads
    }

    static func verifier(with entries: [RevocationEntry], nextUpdate: Int64? = nil) throws -> (Verifier, Date) {
        let setup = try setup.get()
        var verifier = setup.verifier
        let now = Int64(setup.now.timeIntervalSince1970 * 1000)
        verifier.revocationSnapshot = RevocationSnapshot(
            version: 7, issuedAt: now - day, nextUpdate: nextUpdate ?? now + day, entries: entries)
        return (verifier, setup.now)
    }

    @Test("with an empty snapshot every format passes the revocation check", arguments: RoundTripFormat.allCases)
    func emptySnapshotPasses(format: RoundTripFormat) throws {
        let (verifier, now) = try Self.verifier(with: [])
        let result = verifier.verify(try #require(try Self.payloads()[format]), at: now)
        #expect(result.isValid, "\(result.errors.map(\.code))")
        if format == .smartHealthCard {
            // A card without rid carries no identifier a list could name: nothing to look up.
            #expect(result.checks.revocation == .skipped)
            #expect(result.revocationKeys.isEmpty)
        } else {
            #expect(result.checks.revocation == .pass)
            #expect(!result.revocationKeys.isEmpty)
        }
    }

    @Test("without a snapshot the check is skipped and no keys are computed")
    func noSnapshotSkips() throws {
        let setup = try Self.setup.get()
        let result = setup.verifier.verify(try #require(try Self.payloads()[.euDCC]), at: setup.now)
        #expect(result.checks.revocation == .skipped)
        #expect(result.revocationKeys.isEmpty)
    }

    @Test("an EU DCC is revoked by each of its three hash types, and by its identifier")
    func hc1RevokedByEachHashType() throws {
        let payload = try #require(try Self.payloads()[.euDCC])
        let setup = try Self.setup.get()
        let hcid = try #require(setup.verifier.verify(payload, at: setup.now).credential?.certificate.hcid)
        let cose = try HC1Transport.decode(Substring(payload), inflater: nil)
        let signature = Array(try COSESign1(decoding: cose).signature)
        let keys: [RevocationHashType: RevocationKey] = [
            .uci: RevocationHashes.uci(hcid),
            .countryCodeUCI: RevocationHashes.countryCodeUCI(country: "DE", uci: hcid),
            .signature: RevocationHashes.signature(coseSignature: signature, algorithm: .ecdsa),
            .certificate: RevocationHashes.certificate(identifier: hcid),
        ]
        for (type, key) in keys {
            let (verifier, now) = try Self.verifier(with: [RevocationEntry(key: key)])
            let result = verifier.verify(payload, at: now)
            #expect(!result.isValid, "\(type)")
            #expect(result.checks.revocation == .fail, "\(type)")
            #expect(result.errors.map(\.code) == ["CREDENTIAL_REVOKED"], "\(type)")
            #expect(result.errors.first?.message.contains(type.rawValue) == true)
            #expect(result.errors.first?.message.contains(hcid) == false, "no identifier in the message")
        }
        // Another certificate's UCI does not touch this one.
        let (verifier, now) = try Self.verifier(with: [RevocationEntry(key: RevocationHashes.uci(hcid + "X"))])
        #expect(verifier.verify(payload, at: now).checks.revocation == .pass)
    }

    @Test("a SMART Health Card is revoked by its issuer, key and rid")
    func shcRevokedByRID() throws {
        let setup = try Self.setup.get()
        let key = P256.Signing.PrivateKey()
        var issuer = SHCIssuer(signingKey: key, issuer: "https://dvc.example/rid")
        issuer.revocationID = "rid-1"
        let payload = try issuer.issue(Self.record, issuedAt: setup.now.addingTimeInterval(-60), expiresAt: nil).qrTexts[0]
        var store = setup.verifier.trustStore
        store.add(try JWKSet(json: .object(["keys": .array([issuer.publicJWK])])), issuer: "https://dvc.example/rid")
        let kid = issuer.keyID
        let now = Int64(setup.now.timeIntervalSince1970 * 1000)
        let listed = RevocationHashes.shcRID(issuer: "https://dvc.example/rid", kid: kid, rid: "rid-1")
        let other = RevocationHashes.shcRID(issuer: "https://dvc.example/rid", kid: kid, rid: "rid-2")
        for (entries, expected) in [([listed], false), ([other], true)] {
            let verifier = Verifier(
                trustStore: store,
                revocationSnapshot: RevocationSnapshot(
                    version: 1, issuedAt: now, nextUpdate: now + Self.day, entries: entries.map { RevocationEntry(key: $0) }))
            let result = verifier.verify(payload, at: setup.now)
            #expect(result.isValid == expected, "\(result.errors.map(\.code))")
        }
    }

    @Test("VDS-NC and W3C VC are revoked by their identifier", arguments: [RoundTripFormat.icaoVDSNC, .w3cVC])
    func revokedByIdentifier(format: RoundTripFormat) throws {
        let payload = try #require(try Self.payloads()[format])
        let setup = try Self.setup.get()
        let hcid = try #require(setup.verifier.verify(payload, at: setup.now).credential?.certificate.hcid)
        let (verifier, now) = try Self.verifier(with: [RevocationEntry(key: RevocationHashes.certificate(identifier: hcid))])
        let result = verifier.verify(payload, at: now)
        #expect(result.checks.revocation == .fail)
        #expect(result.errors.map(\.code) == ["CREDENTIAL_REVOKED"])
    }

    @Test("a suspension fails until its end and passes after it")
    func suspensionThenLifted() throws {
        let payload = try #require(try Self.payloads()[.euDCC])
        let setup = try Self.setup.get()
        let hcid = try #require(setup.verifier.verify(payload, at: setup.now).credential?.certificate.hcid)
        let now = Int64(setup.now.timeIntervalSince1970 * 1000)
        let entry = RevocationEntry(key: RevocationHashes.uci(hcid), suspendedUntil: now + 3_600_000)
        var verifier = setup.verifier
        verifier.revocationSnapshot = RevocationSnapshot(
            version: 2, issuedAt: now, nextUpdate: now + 10 * Self.day, entries: [entry])
        let during = verifier.verify(payload, at: setup.now)
        #expect(during.errors.map(\.code) == ["CREDENTIAL_SUSPENDED"])
        let after = verifier.verify(payload, at: setup.now.addingTimeInterval(3_601))
        #expect(after.checks.revocation == .pass)
        #expect(after.isValid, "\(after.errors.map(\.code))")
    }

    @Test("revocation data past its next update is used, with a STALE_REVOCATION_DATA warning")
    func staleDataWarns() throws {
        let payload = try #require(try Self.payloads()[.euDCC])
        let setup = try Self.setup.get()
        let now = Int64(setup.now.timeIntervalSince1970 * 1000)
        let (fresh, _) = try Self.verifier(with: [])
        #expect(!fresh.verify(payload, at: setup.now).warnings.map(\.code).contains("STALE_REVOCATION_DATA"))
        let (stale, _) = try Self.verifier(with: [], nextUpdate: now - 1)
        let result = stale.verify(payload, at: setup.now)
        #expect(result.isValid)
        #expect(result.checks.revocation == .pass)
        #expect(result.warnings.map(\.code).contains("STALE_REVOCATION_DATA"))
        let hcid = try #require(result.credential?.certificate.hcid)
        let (staleRevoked, _) = try Self.verifier(with: [RevocationEntry(key: RevocationHashes.uci(hcid))], nextUpdate: now - 1)
        #expect(staleRevoked.verify(payload, at: setup.now).errors.map(\.code) == ["CREDENTIAL_REVOKED"])
    }

    @Test("a signed snapshot verifies with the platform key; a flipped byte or another key is refused")
    func signedSnapshot() throws {
        let key = P256.Signing.PrivateKey()
        let snapshot = RevocationSnapshot(
            version: 3, issuedAt: 1_000, nextUpdate: 2_000,
            entries: [RevocationEntry(key: RevocationHashes.uci("URN:UVCI:01:DE:X")), RevocationEntry(key: RevocationHashes.lot(gtin: "09506000134352", lot: "L1"), suspendedUntil: 5_000)])
        let signed = try SignedRevocationData.sign(snapshot, key: key, keyID: [1, 2, 3, 4])
        #expect(try SignedRevocationData.snapshot(from: signed, trustedKeys: [key.publicKey]) == snapshot)
        #expect(throws: RevocationError(.signatureInvalid, "")) {
            try SignedRevocationData.snapshot(from: signed, trustedKeys: [P256.Signing.PrivateKey().publicKey])
        }
        for index in stride(from: 0, to: signed.count, by: 3) {
            var tampered = signed
            tampered[index] ^= 0x01
            #expect(throws: RevocationError.self) { try SignedRevocationData.snapshot(from: tampered, trustedKeys: [key.publicKey]) }
        }
        for length in 0..<signed.count {
            #expect(throws: RevocationError.self) {
                try SignedRevocationData.snapshot(from: Array(signed.prefix(length)), trustedKeys: [key.publicKey])
            }
        }
        // A signed delta is not a snapshot.
        let next = RevocationSnapshot(version: 4, issuedAt: 1_500, nextUpdate: 2_500, entries: snapshot.entries + [RevocationEntry(key: RevocationHashes.uci("URN:UVCI:01:DE:Y"))])
        let delta = try SignedRevocationData.sign(try RevocationDelta(from: snapshot, to: next), key: key, keyID: [1])
        #expect(try snapshot.applying(SignedRevocationData.delta(from: delta, trustedKeys: [key.publicKey])) == next)
        #expect(throws: RevocationError.self) { try SignedRevocationData.snapshot(from: delta, trustedKeys: [key.publicKey]) }
    }

    @Test("a signer a trust list revoked revokes what it signed; trust warnings reach every result")
    func revokedSignerAndTrustWarnings() throws {
        let setup = try Self.setup.get()
        let payload = try #require(try Self.payloads()[.euDCC])
        var verifier = setup.verifier
        let kid = try #require(verifier.verify(payload, at: setup.now).keyIDBytes)
        verifier.revokedSignerKeyIDs = [Array(kid)]
        verifier.trustWarnings = [GenericCodedError(code: "STALE_TRUST_LIST", message: "expected a list before its next update")]
        let result = verifier.verify(payload, at: setup.now)
        #expect(!result.isValid)
        #expect(result.checks.signature == .pass, "the signature itself is fine")
        #expect(result.checks.revocation == .fail)
        #expect(result.errors.map(\.code) == ["TRUST_LIST_DSC_REVOKED"])
        #expect(result.warnings.map(\.code).contains("STALE_TRUST_LIST"))
        // Another signer's payload is untouched by the revoked kid.
        verifier.revokedSignerKeyIDs = [[0, 1, 2, 3, 4, 5, 6, 7]]
        #expect(verifier.verify(payload, at: setup.now).isValid)
    }
}
