import Foundation
import Testing
import Trust
import X509

/// `TrustStore.signer(derEncoded:)`: barcode signer certificates parsed and checked against the signing
/// authorities once, with answers that follow the store's authorities.
@Suite("Signer certificates checked once per store")
struct SignerCertificateCacheTests {
    static func setup() throws -> IssuerSigningSetup {
        try IssuerSigningSetup.generate(country: "DE", types: [.vaccination], now: Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test func answersAgreeWithTheUncachedCheckAndFollowTheAuthorities() throws {
        let first = try Self.setup()
        let other = try Self.setup()
        let signerBytes = try first.dscCertificate.serializeAsPEM().derBytes
        var store = TrustStore()
        #expect(try #require(store.signer(derEncoded: signerBytes)).issuers.isEmpty)

        store.add(authority: try SigningAuthority(certificate: other.cscaCertificate))
        #expect(try #require(store.signer(derEncoded: signerBytes)).issuers.isEmpty)

        let before = store
        store.add(authority: try SigningAuthority(certificate: first.cscaCertificate))
        for _ in 0..<3 {
            let answer = try #require(store.signer(derEncoded: signerBytes))
            #expect(answer.issuers.map(\.derBytes) == [try SigningAuthority(certificate: first.cscaCertificate).derBytes])
            #expect(answer.issuers.map(\.derBytes) == store.authorities(issuing: answer.certificate).map(\.derBytes))
        }
        // A copy of the store taken before the issuing authority was added still answers none.
        #expect(try #require(before.signer(derEncoded: signerBytes)).issuers.isEmpty)
    }

    @Test func aCertificateSharingTheCachedOnesLengthAndTailIsAnotherEntry() throws {
        let setup = try Self.setup()
        let signerBytes = try setup.dscCertificate.serializeAsPEM().derBytes
        var store = TrustStore()
        store.add(authority: try SigningAuthority(certificate: setup.cscaCertificate))
        #expect(try #require(store.signer(derEncoded: signerBytes)).issuers.count == 1)
        // The last "DE" of the certificate's names becomes "DX": the same length and the same signature (the
        // cache hashes the tail only), but no longer a certificate the CSCA signed.
        var altered = signerBytes
        let printableDE: [UInt8] = [0x13, 0x02, 0x44, 0x45]
        let offset = try #require((0...(altered.count - 4)).last { Array(altered[$0..<($0 + 4)]) == printableDE })
        altered[offset + 3] = UInt8(ascii: "X")
        #expect(Array(altered.suffix(64)) == Array(signerBytes.suffix(64)))
        let answer = try #require(store.signer(derEncoded: altered))
        #expect(answer.issuers.isEmpty)
        #expect(answer.certificate != setup.dscCertificate)
    }

    @Test func bytesThatAreNoCertificateGiveNil() {
        let store = TrustStore()
        #expect(store.signer(derEncoded: []) == nil)
        #expect(store.signer(derEncoded: [0x30, 0x03, 0x02, 0x01, 0x01]) == nil)
    }
}
