import CredentialVerification
import Foundation
import ICAOVDSNC
import JSON
import Trust
import VaccinationRecord

/// A generated CSCA and barcode signer (the DSC of an ``IssuerSigningSetup``), an issuer, and a trust store
/// holding the CSCA, shared by the VDS-NC tests.
struct VDSNCFixture: Sendable {
    /// The start of both certificates' validity.
    static let start = Date(timeIntervalSince1970: 1_700_000_000)  // 2023-11-14
    /// A validation time inside the barcode signer's validity (365 days).
    static let now = start.addingTimeInterval(30 * 86_400)

    let setup: IssuerSigningSetup
    let certificate: DocumentSignerCertificate
    let authority: SigningAuthority
    let issuer: VDSNCIssuer
    let trustStore: TrustStore

    init(country: String = "DE", issuingState: String? = nil) throws {
        setup = try IssuerSigningSetup.generate(country: country, now: Self.start)
        certificate = try TrustMaterialLoader.certificates(from: Array(setup.dscCertificatePEM.utf8))[0]
        authority = try SigningAuthority(certificate: setup.cscaCertificate)
        issuer = try VDSNCIssuer(signingKey: setup.dscPrivateKey, certificate: certificate, issuingState: issuingState)
        var store = TrustStore()
        store.add(authority: authority)
        trustStore = store
    }

    func context(at date: Date = VDSNCFixture.now, trustStore: TrustStore? = nil) -> VerificationContext {
        VerificationContext(trustStore: trustStore ?? self.trustStore, validationTime: date)
    }

    func verify(_ text: String, at date: Date = VDSNCFixture.now, trustStore: TrustStore? = nil) -> VerificationResult {
        VDSNCVerifier().verify(text[...], context: context(at: date, trustStore: trustStore))
    }

    func issue(_ record: VaccinationRecord) throws -> String {
        try issuer.issue(record, issuedAt: Self.now)
    }

    static func record(_ json: String) throws -> VaccinationRecord {
        try VaccinationRecord(json: JSONParser.parse(json))
    }

    /// A vaccination record in SNOMED CT codes, as `dvc issue` reads them.
    static func vaccination(
        family: String = "Müller", given: String = "Jürgen Óscar", birthDate: String = "1964-08-12",
        extra: String = "", dose: Int = 2, date: String = "2021-06-01", lot: String = "FK4578", hcid: String = "U32870"
    ) throws -> VaccinationRecord {
        try record(
            """
            {"name": {"family": "\(family)", "given": "\(given)"}, "birthDate": "\(birthDate)", \(extra)
             "vaccination": {"disease": {"system": "http://snomed.info/sct", "code": "840539006"},
               "vaccine": {"system": "http://snomed.info/sct", "code": "1119349007"},
               "brand": {"system": "https://ec.europa.eu/health/documents/community-register/html/", "code": "EU/1/20/1528", "display": "Comirnaty"},
               "manufacturer": {"system": "https://spor.ema.europa.eu/v1/organisations", "code": "ORG-100030215"},
               "lot": "\(lot)", "date": "\(date)", "dose": \(dose), "totalDoses": 2, "country": "DE", "centre": "Impfzentrum Mitte",
               "nextDose": "2021-07-01"},
             "certificate": {"issuer": "Robert Koch-Institut", "hcid": "\(hcid)"}}
            """)
    }
}
