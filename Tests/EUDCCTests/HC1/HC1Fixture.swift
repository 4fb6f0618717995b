import EUDCC
import Foundation
import JSON
import TestSupport
import Trust
import VaccinationRecord
import Verifier

/// A generated issuer (CSCA + DSC for all three types) and records to issue, shared by the HC1 tests.
struct HC1Fixture: Sendable {
    let setup: IssuerSigningSetup
    let certificate: DocumentSignerCertificate
    let issuer: HC1Issuer
    let verifier: Verifier
    let now = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28

    init(types: Set<HealthCertificateType> = [.vaccination, .test, .recovery]) throws {
        setup = try IssuerSigningSetup.generate(country: "DE", types: types, now: Date(timeIntervalSince1970: 1_700_000_000))
        certificate = try TrustMaterialLoader.certificates(from: Array(setup.dscCertificatePEM.utf8))[0]
        issuer = try HC1Issuer(signingKey: setup.dscPrivateKey, certificate: certificate)
        verifier = Verifier(trustStore: TrustStore(certificates: [certificate]))
    }

    static func record(_ json: String) throws -> VaccinationRecord {
        try VaccinationRecord(json: JSONParser.parse(json))
    }

    static var exampleRecord: VaccinationRecord {
        get throws {
            let url = TestData.repositoryRoot.appendingPathComponent("examples/vaccination-record.json")
            return try VaccinationRecord(json: JSONParser.parse(Array(Data(contentsOf: url))))
        }
    }

    static let testRecord = """
        {"name": {"family": "Smith-Jones", "given": "Charles Édouard"}, "birthDate": "1964",
         "test": {"disease": {"system": "http://snomed.info/sct", "code": "840539006"},
           "type": {"system": "http://loinc.org", "code": "LP6464-4"}, "name": "ELITe MGB Kit",
           "sampleTime": "2021-06-11T17:30:00Z",
           "result": {"system": "http://snomed.info/sct", "code": "260415000"}, "centre": "Test Corp, Big City",
           "country": "NL"},
         "certificate": {"issuer": "Ministry of Health Welfare and Sport"}}
        """

    static let recoveryRecord = """
        {"name": {"family": "Ødegård", "given": "Åse"}, "birthDate": "1990-02",
         "recovery": {"disease": {"system": "http://snomed.info/sct", "code": "840539006"}, "firstPositive": "2021-06-01",
           "country": "NO", "validFrom": "2021-06-12", "validUntil": "2021-11-28"},
         "certificate": {"issuer": "Norwegian Institute of Public Health"}}
        """
}
