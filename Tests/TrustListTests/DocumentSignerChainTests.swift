import Crypto
import Foundation
import JOSE
import Testing
import Trust
import TrustList
import X509

@Suite struct DocumentSignerChainTests {
    let csca: TestCSCA

    init() throws {
        csca = try TestCSCA(notBefore: Clock.days(-365), notAfter: Clock.days(3650))
    }

    func issuer(_ signers: [[UInt8]], cscas: [[UInt8]]? = nil, revoked: Set<String> = [], country: String = "DE") -> TrustListIssuer {
        TrustListIssuer(
            id: "issuer-\(country)", country: country, notBefore: Clock.seconds(days: -400), notAfter: Clock.seconds(days: 400),
            credentialTypes: [.hc1], cscaCertificates: cscas ?? [csca.der], documentSigners: signers, revokedKids: revoked)
    }

    func refusal(_ issuer: TrustListIssuer, at now: Date = Clock.now) -> String? {
        let checks = issuer.checkDocumentSigners(at: now)
        #expect(checks.count == 1)
        return checks.first?.refusal?.code
    }

    @Test func dscChainingToItsCSCAIsAccepted() throws {
        let dsc = try csca.issue(notBefore: Clock.days(-1), notAfter: Clock.days(1))
        let checks = issuer([dsc]).checkDocumentSigners(at: Clock.now)
        #expect(checks.count == 1)
        #expect(checks[0].isAccepted)
        #expect(checks[0].kid == TrustListIssuer.kid(ofCertificate: dsc))
        #expect(checks[0].certificate?.derBytes == dsc)
    }

    @Test func dscUnderAnotherCSCAIsRefused() throws {
        let other = try TestCSCA(name: "Test CSCA", notBefore: Clock.days(-365), notAfter: Clock.days(3650))
        // Same subject name as the listed CSCA, so only the signature tells them apart.
        let dsc = try other.issue(notBefore: Clock.days(-1), notAfter: Clock.days(1))
        #expect(other.certificate.subject == csca.certificate.subject)
        #expect(refusal(issuer([dsc])) == "TRUST_LIST_DSC_NOT_CHAINED")
        // Listed under its own CSCA it is accepted.
        #expect(refusal(issuer([dsc], cscas: [csca.der, other.der])) == nil)
    }

    @Test func dscWithoutAnyCSCAIsRefused() throws {
        let dsc = try csca.issue(notBefore: Clock.days(-1), notAfter: Clock.days(1))
        #expect(refusal(issuer([dsc], cscas: [])) == "TRUST_LIST_DSC_NOT_CHAINED")
    }

    @Test func expiredDSCIsRefused() throws {
        let dsc = try csca.issue(notBefore: Clock.days(-100), notAfter: Clock.days(-1))
        #expect(refusal(issuer([dsc])) == "TRUST_LIST_DSC_EXPIRED")
        #expect(refusal(issuer([dsc]), at: Clock.days(-2)) == nil)
    }

    @Test func notYetValidDSCIsRefused() throws {
        let dsc = try csca.issue(notBefore: Clock.days(1), notAfter: Clock.days(100))
        #expect(refusal(issuer([dsc])) == "TRUST_LIST_DSC_NOT_YET_VALID")
    }

    @Test func dscUnderExpiredCSCAIsRefused() throws {
        let old = try TestCSCA(notBefore: Clock.days(-400), notAfter: Clock.days(-10))
        let dsc = try old.issue(notBefore: Clock.days(-100), notAfter: Clock.days(100))
        #expect(refusal(issuer([dsc], cscas: [old.der])) == "TRUST_LIST_AUTHORITY_INVALID")
    }

    @Test(arguments: [
        KeyUsage(keyCertSign: true), KeyUsage(nonRepudiation: true), KeyUsage(keyEncipherment: true),
    ])
    func dscWithoutDigitalSignatureIsRefused(usage: KeyUsage) throws {
        let dsc = try csca.issue(notBefore: Clock.days(-1), notAfter: Clock.days(1), keyUsage: usage)
        #expect(refusal(issuer([dsc])) == "TRUST_LIST_DSC_KEY_USAGE")
    }

    @Test func dscWithoutKeyUsageIsRefused() throws {
        let dsc = try csca.issue(notBefore: Clock.days(-1), notAfter: Clock.days(1), keyUsage: nil)
        #expect(refusal(issuer([dsc])) == "TRUST_LIST_DSC_KEY_USAGE")
    }

    @Test func revokedDSCIsRefused() throws {
        let dsc = try csca.issue(notBefore: Clock.days(-1), notAfter: Clock.days(1))
        let kid = TrustListIssuer.kid(ofCertificate: dsc)
        #expect(refusal(issuer([dsc], revoked: [kid])) == "TRUST_LIST_DSC_REVOKED")
        #expect(refusal(issuer([dsc], revoked: ["AAAAAAAAAAA="])) == nil)
    }

    @Test func dscOfAnotherCountryIsRefused() throws {
        let dsc = try csca.issue(country: "FR", notBefore: Clock.days(-1), notAfter: Clock.days(1))
        #expect(refusal(issuer([dsc])) == "TRUST_LIST_DSC_COUNTRY_MISMATCH")
    }

    @Test func issuerOutsideItsWindowIsRefused() throws {
        let dsc = try csca.issue(notBefore: Clock.days(-1000), notAfter: Clock.days(1000))
        #expect(refusal(issuer([dsc]), at: Clock.days(500)) == "TRUST_LIST_ISSUER_OUTSIDE_WINDOW")
    }

    @Test func issuerNotAllowedHC1IsRefused() throws {
        let dsc = try csca.issue(notBefore: Clock.days(-1), notAfter: Clock.days(1))
        var limited = issuer([dsc])
        limited.credentialTypes = [.shc]
        #expect(refusal(limited) == "TRUST_LIST_TYPE_NOT_ALLOWED")
    }

    @Test func unreadableDSCIsRefused() throws {
        #expect(refusal(issuer([[0x30, 0x03, 0x02, 0x01, 0x00]])) == "TRUST_LIST_DSC_UNREADABLE")
    }

    @Test func eudccTestDSCWithoutItsCSCAIsNotChained() throws {
        let certificates = try EUDCCTestCertificates.load(countries: ["AT"])
        let dsc = try #require(certificates.first?.der)
        var austria = issuer([dsc], country: "AT")
        austria.notBefore = 0
        let result = austria.checkDocumentSigners(at: Date(timeIntervalSince1970: 1_620_324_000))
        #expect(result.first?.refusal?.code == "TRUST_LIST_DSC_NOT_CHAINED")
    }

    @Test func materialHoldsOnlyAcceptedSignersAndTheRevokedKids() throws {
        let fixture = try Fixture()
        var list = fixture.list
        let good = fixture.dsc
        let revoked = try fixture.csca.issue(notBefore: Clock.days(-1), notAfter: Clock.days(10))
        let expired = try fixture.csca.issue(notBefore: Clock.days(-10), notAfter: Clock.days(-1))
        let stranger = try TestCSCA(notBefore: Clock.days(-10), notAfter: Clock.days(10)).issue(notBefore: Clock.days(-1), notAfter: Clock.days(1))
        list.issuers[0].documentSigners = [good, revoked, expired, stranger]
        list.issuers[0].revokedKids = [TrustListIssuer.kid(ofCertificate: revoked)]
        let verified = try SignedTrustList.verify(fixture.signed(list), anchors: fixture.anchors, now: Clock.now)
        let material = verified.trustMaterial(at: Clock.now)

        #expect(material.documentSigners.map { $0.refusal?.code } == [nil, "TRUST_LIST_DSC_REVOKED", "TRUST_LIST_DSC_EXPIRED", "TRUST_LIST_DSC_NOT_CHAINED"])
        #expect(material.store.count == 1)
        #expect(material.store.certificates(forKid: DocumentSignerCertificate.kid(for: good)).map(\.derBytes) == [good])
        #expect(material.store.certificates(forKid: DocumentSignerCertificate.kid(for: revoked)).isEmpty)
        #expect(material.revokedKids == [DocumentSignerCertificate.kid(for: revoked)])
        #expect(material.isRevoked(kid: DocumentSignerCertificate.kid(for: revoked)))
        #expect(!material.isRevoked(kid: DocumentSignerCertificate.kid(for: good)))
        // SHC keys are bound to the issuer URL, VDS-NC CAs are signing authorities.
        let thumbprint = JWK.thumbprint(of: fixture.shcKey.publicKey)
        #expect(material.store.keys(forIssuer: "https://issuer.example.de", keyID: thumbprint).count == 1)
        #expect(material.store.keys(forIssuer: "https://other.example", keyID: thumbprint).isEmpty)
        #expect(material.store.signingAuthorities.map(\.derBytes) == [fixture.csca.der])
        #expect(material.problems.isEmpty)
    }

    @Test func materialLeavesOutKeysAndCAsOfTypesNotAllowed() throws {
        let fixture = try Fixture()
        var list = fixture.list
        list.issuers[0].credentialTypes = [.hc1]
        let verified = try SignedTrustList.verify(fixture.signed(list), anchors: fixture.anchors, now: Clock.now)
        let material = verified.trustMaterial(at: Clock.now)
        #expect(material.store.keySets.isEmpty)
        #expect(material.store.signingAuthorities.isEmpty)
        #expect(material.store.count == 1)
        #expect(material.problems.map(\.code) == ["TRUST_LIST_TYPE_NOT_ALLOWED", "TRUST_LIST_TYPE_NOT_ALLOWED"])
    }
}
