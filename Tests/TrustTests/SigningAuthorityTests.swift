import Foundation
import Testing
import Trust
import X509

@Suite("Signing authorities (CSCAs) in the trust store")
struct SigningAuthorityTests {
    let setup: IssuerSigningSetup

    init() throws {
        setup = try IssuerSigningSetup.generate(country: "DE", now: Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test func aCSCAIssuedItsDSCAndNotAnotherOne() throws {
        let authority = try SigningAuthority(certificate: setup.cscaCertificate)
        #expect(authority.isCertificateAuthority == true)
        #expect(authority.subjectCountry == "DE")
        #expect(authority.issued(setup.dscCertificate))
        let other = try IssuerSigningSetup.generate(country: "DE", now: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(!authority.issued(other.dscCertificate))
    }

    @Test func aDSCIsNotAnAuthority() throws {
        #expect(throws: TrustError(.invalidCertificate, "")) {
            try SigningAuthority(certificate: setup.dscCertificate)
        }
    }

    @Test func theLoaderReadsPEMAndRejectsNonAuthorities() throws {
        let authorities = try SigningAuthorityLoader.authorities(from: Array(setup.cscaCertificatePEM.utf8))
        #expect(authorities.count == 1)
        #expect(authorities[0].certificate == setup.cscaCertificate)
        #expect(throws: TrustError(.invalidCertificate, "")) {
            try SigningAuthorityLoader.authorities(
                from: Array((setup.cscaCertificatePEM + "\n" + setup.dscCertificatePEM).utf8))
        }
        #expect(throws: TrustError(.unrecognizedFormat, "")) {
            try SigningAuthorityLoader.authorities(from: Array("not a certificate".utf8))
        }
        #expect(throws: TrustError(.invalidCertificate, "")) {
            try SigningAuthority(derEncoded: [0x30, 0x03, 0x02, 0x01, 0x00])
        }
    }

    @Test func theStoreKeepsEachAuthorityOnceAndFindsTheIssuer() throws {
        var store = TrustStore()
        #expect(store.isEmpty)
        let authority = try SigningAuthority(certificate: setup.cscaCertificate)
        store.add(authority: authority)
        store.add(authorities: [authority, try SigningAuthority(derEncoded: authority.derBytes)])
        #expect(store.signingAuthorities.count == 1)
        #expect(!store.isEmpty)
        #expect(store.count == 0)
        #expect(store.authorities(issuing: setup.dscCertificate) == [authority])
        let other = try IssuerSigningSetup.generate(country: "DE", now: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(store.authorities(issuing: other.dscCertificate).isEmpty)
    }
}
