import Foundation
import Testing
import Trust
import X509

/// `IssuerSigningSetup.issueDocumentSigner`: a new DSC under an existing CSCA, for key rotation.
@Suite("Document signers issued under an existing CSCA")
struct DocumentSignerRotationTests {
    @Test func aRotatedSignerChainsToTheSameCSCAWithANewKey() throws {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let setup = try IssuerSigningSetup.generate(country: "DE", cscaValidityDays: 380, types: [.vaccination], now: start)
        let later = start.addingTimeInterval(30 * 86_400)
        let (certificate, key) = try IssuerSigningSetup.issueDocumentSigner(
            csca: setup.cscaCertificate, cscaKey: setup.cscaPrivateKey, country: "DE", organization: "Rotation Test",
            validityDays: 365, now: later)
        #expect(certificate.publicKey == Certificate.PublicKey(key.publicKey))
        #expect(key.publicKey.rawRepresentation != setup.dscPrivateKey.publicKey.rawRepresentation)
        #expect(try SigningAuthority(certificate: setup.cscaCertificate).issued(certificate))
        #expect(certificate.notValidBefore == later)
        // Cut to the CSCA's end (380 days from the start, before 30 + 365 days).
        #expect(certificate.notValidAfter == setup.cscaCertificate.notValidAfter)
        let signer = try DocumentSignerCertificate(derEncoded: try certificate.serializeAsPEM().derBytes)
        #expect(signer.kid != (try DocumentSignerCertificate(derEncoded: try setup.dscCertificate.serializeAsPEM().derBytes)).kid)

        let other = try IssuerSigningSetup.generate(country: "DE", types: [.vaccination], now: start)
        #expect(!(try SigningAuthority(certificate: other.cscaCertificate).issued(certificate)))
    }

    @Test func anExpiredCSCAOrBadArgumentsAreRefused() throws {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let setup = try IssuerSigningSetup.generate(country: "DE", cscaValidityDays: 10, types: [.vaccination], now: start)
        for (days, country, now) in [(365, "DE", start.addingTimeInterval(11 * 86_400)), (0, "DE", start), (365, "de", start)] {
            #expect {
                _ = try IssuerSigningSetup.issueDocumentSigner(
                    csca: setup.cscaCertificate, cscaKey: setup.cscaPrivateKey, country: country, organization: "X",
                    validityDays: days, now: now)
            } throws: { ($0 as? TrustError)?.code == "TRUST_INVALID_PARAMETER" }
        }
    }
}
