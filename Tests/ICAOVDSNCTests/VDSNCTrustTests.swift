import CredentialVerification
import Foundation
import ICAOVDSNC
import Testing
import Trust

@Suite("VDS-NC trust: the chain to a CSCA and certificate validity")
struct VDSNCTrustTests {
    @Test func aSealFromAnotherCSCAIsAnUnknownKey() throws {
        let fixture = try VDSNCFixture()
        let other = try VDSNCFixture()
        let text = try other.issue(try VDSNCFixture.vaccination())
        let result = fixture.verify(text)
        #expect(result.checks.decode == .pass)
        #expect(result.checks.signature == .fail)
        #expect(result.errors.map(\.code) == ["UNKNOWN_KEY"])
        #expect(result.checks.keyUsage == .skipped)
        #expect(!result.isValid)
        // The record is still decoded (the caller decides what an untrusted seal is worth).
        #expect(result.credential != nil)
    }

    @Test func anEmptyTrustStoreTrustsNothing() throws {
        let fixture = try VDSNCFixture()
        let result = fixture.verify(try fixture.issue(try VDSNCFixture.vaccination()), trustStore: TrustStore())
        #expect(result.errors.map(\.code) == ["UNKNOWN_KEY"])
    }

    @Test func aBarcodeSignerTrustedDirectlyVerifies() throws {
        let fixture = try VDSNCFixture()
        let result = fixture.verify(
            try fixture.issue(try VDSNCFixture.vaccination()),
            trustStore: TrustStore(certificates: [fixture.certificate]))
        #expect(result.isValid, "\(result.errors)")
    }

    @Test func aCertificateNamingTheCSCAButSignedByAnotherKeyIsUnknown() throws {
        // Same subject names, other keys: the name matches, the signature of the BSC does not.
        let fixture = try VDSNCFixture()
        let impostor = try VDSNCFixture()
        var store = TrustStore()
        store.add(authority: impostor.authority)
        #expect(impostor.authority.certificate.subject == fixture.authority.certificate.subject)
        let result = fixture.verify(try fixture.issue(try VDSNCFixture.vaccination()), trustStore: store)
        #expect(result.errors.map(\.code) == ["UNKNOWN_KEY"])
    }

    @Test func anExpiredBarcodeSignerFailsTime() throws {
        let fixture = try VDSNCFixture()
        let text = try fixture.issue(try VDSNCFixture.vaccination())
        let result = fixture.verify(text, at: VDSNCFixture.start.addingTimeInterval(400 * 86_400))
        #expect(result.checks.signature == .pass)
        #expect(result.checks.time == .fail)
        #expect(result.errors.map(\.code) == ["EXPIRED"])
        #expect(!result.isValid)
    }

    @Test func aNotYetValidBarcodeSignerFailsTime() throws {
        let fixture = try VDSNCFixture()
        let text = try fixture.issue(try VDSNCFixture.vaccination())
        let result = fixture.verify(text, at: VDSNCFixture.start.addingTimeInterval(-86_400))
        #expect(result.errors.map(\.code) == ["NOT_YET_VALID"])
    }

    @Test func issuingOutsideTheCertificateValidityIsRefused() throws {
        let fixture = try VDSNCFixture()
        #expect(throws: VDSNCError(.issuance, "")) {
            try fixture.issuer.issue(
                try VDSNCFixture.vaccination(), issuedAt: VDSNCFixture.start.addingTimeInterval(-1))
        }
    }

    @Test func theIssuerNeedsTheCertificatesKey() throws {
        let fixture = try VDSNCFixture()
        let other = try VDSNCFixture()
        #expect(throws: VDSNCError(.issuance, "")) {
            try VDSNCIssuer(signingKey: other.setup.dscPrivateKey, certificate: fixture.certificate)
        }
    }

    @Test(arguments: [("DE", nil, "DEU"), ("XX", nil, "UTO"), ("DE", "DEU", "DEU"), ("DE", "DE", "DEU"), ("NL", nil, "NLD")])
    func theIssuingStateIsTheCertificatesState(country: String, given: String?, expected: String) throws {
        let fixture = try VDSNCFixture(country: country, issuingState: given)
        #expect(fixture.issuer.issuingState == expected)
        let result = fixture.verify(try fixture.issue(try VDSNCFixture.vaccination()))
        #expect(result.isValid, "\(result.errors)")
        #expect(result.issuer == expected)
    }

    @Test(arguments: ["NL", "NLD", "EUE", "D"])
    func anotherIssuingStateThanTheCertificatesIsRefused(given: String) throws {
        #expect(throws: VDSNCError(.issuance, "")) { try VDSNCFixture(country: "DE", issuingState: given) }
    }
}
