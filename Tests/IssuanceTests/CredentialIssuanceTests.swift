import Foundation
import Issuance
import JOSE
import JSON
import TestSupport
import Testing
import Trust
import VaccinationRecord
import Verifier

/// One record in every format, with the identifiers the server stores: each verifies, and each carries its
/// identifier where the format's verifiers read it.
@Suite("Issuing one record in every format with its identifiers")
struct CredentialIssuanceTests {
    static let issuerURL = "https://dvc.example.org"

    @Test func everyFormatCarriesItsIdentifier() throws {
        let now = Date()
        let setup = try IssuerSigningSetup.generate(country: "DE", types: [.vaccination], now: now.addingTimeInterval(-600))
        let certificate = try TrustMaterialLoader.certificates(from: Array(setup.dscCertificatePEM.utf8))[0]
        let signer = IssuanceSigner(key: setup.dscPrivateKey, certificate: certificate, issuerCountry: nil, issuerURL: Self.issuerURL)
        var store = TrustStore(certificates: [certificate])
        let jwk = JWK.signingKeyJSON(for: setup.dscPrivateKey.publicKey, keyID: JWK.thumbprint(of: setup.dscPrivateKey.publicKey))
        store.add(try JWKSet(json: .object(["keys": .array([.object(jwk)])])), issuer: Self.issuerURL)
        store.add(authority: try SigningAuthority(certificate: setup.cscaCertificate))
        let verifier = Verifier(trustStore: store)

        let text = try String(contentsOf: TestData.repositoryRoot.appendingPathComponent("examples/vaccination-record.json"), encoding: .utf8)
        var record = try VaccinationRecord(json: JSONParser.parse(text))
        record.certificate.hcid = nil
        let identifiers = try CertificateIdentifiers.generate(country: "DE")
        let uvci = try #require(identifiers.uvci)
        #expect(uvci.hasPrefix("URN:UVCI:01:DE:"))
        #expect(try #require(identifiers.sealID).utf8.count == 12)
        #expect(try #require(identifiers.revocationID).utf8.count == 16)

        for format in IssuanceFormat.allCases {
            let issued = try CredentialIssuance.issue(record, as: format, signer: signer, identifiers: identifiers, issuedAt: now, expiresAt: nil)
            let result = verifier.verify(issued.text, at: now)
            #expect(result.isValid, "\(format): \(result.errors.map(\.code))")
            switch format {
            case .hc1, .vc:
                #expect(issued.identifier == uvci)
                #expect(result.credential?.certificate.hcid == uvci, "\(format)")
            case .vds:
                #expect(issued.identifier == identifiers.sealID)
                #expect(result.credential?.certificate.hcid == identifiers.sealID)
            case .shc:
                #expect(issued.identifier == identifiers.revocationID)
                #expect(result.formatPayload?["vc"]?["rid"]?.stringValue == identifiers.revocationID)
            }
        }
        // Without identifiers each format makes its own.
        let fresh = try CredentialIssuance.issue(record, as: .vds, signer: signer, issuedAt: now, expiresAt: nil)
        #expect(fresh.identifier?.utf8.count == 12 && fresh.identifier != identifiers.sealID)
    }

    @Test func theJOSEFormatsNeedAnIssuerURL() throws {
        let now = Date()
        let setup = try IssuerSigningSetup.generate(country: "DE", types: [.vaccination], now: now.addingTimeInterval(-600))
        let certificate = try TrustMaterialLoader.certificates(from: Array(setup.dscCertificatePEM.utf8))[0]
        let signer = IssuanceSigner(key: setup.dscPrivateKey, certificate: certificate, issuerCountry: nil, issuerURL: nil)
        let text = try String(contentsOf: TestData.repositoryRoot.appendingPathComponent("examples/vaccination-record.json"), encoding: .utf8)
        let record = try VaccinationRecord(json: JSONParser.parse(text))
        for format in [IssuanceFormat.shc, .vc] {
            #expect {
                _ = try CredentialIssuance.issue(record, as: format, signer: signer, issuedAt: now, expiresAt: nil)
            } throws: { ($0 as? IssuanceError)?.code == "ISSUANCE_MISSING_SETTING" }
        }
    }
}
