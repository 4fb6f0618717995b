import Crypto
import CredentialVerification
import Foundation
import JOSE
import JSON
import Trust
import VaccinationRecord
import W3CVerifiableCredentials

/// Fixtures: a fixed signing key, an issuer, records and a trust store holding the issuer's JWK set.
enum VCFixtures {
    static let issuerID = "did:web:health.example.org"
    static let otherIssuerID = "https://issuer.example.com"
    static let issuedAt = Date(timeIntervalSince1970: 1_622_505_600)  // 2021-06-01T00:00:00Z
    static let expiresAt = Date(timeIntervalSince1970: 1_654_041_600)  // 2022-06-01T00:00:00Z
    static let during = Date(timeIntervalSince1970: 1_630_000_000)  // 2021-08-26

    static let key = try! P256.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 7, count: 32))
    static let otherKey = try! P256.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 9, count: 32))
    static let issuer = VCIssuer(signingKey: key, issuer: issuerID)

    static func record(family: String = "Mustermann", given: String = "Erika", birthDate: String? = "1964-08-12")
        throws -> VaccinationRecord
    {
        var object: JSONObject = [
            "name": .object(["family": .string(family), "given": .string(given)])
        ]
        if let birthDate { object["birthDate"] = .string(birthDate) }
        object["vaccination"] = try JSONParser.parse(
            #"""
            {"disease": {"system": "http://snomed.info/sct", "code": "840539006", "display": "COVID-19"},
             "vaccine": {"system": "http://snomed.info/sct", "code": "1119349007"},
             "brand": {"system": "https://ec.europa.eu/health/documents/community-register/html/", "code": "EU/1/20/1528"},
             "manufacturer": {"system": "https://spor.ema.europa.eu/v1/organisations", "code": "ORG-100030215"},
             "lot": "FK4578", "date": "2021-06-01", "dose": 2, "totalDoses": 2, "country": "DE",
             "centre": "Impfzentrum Köln", "nextDose": "2021-12-01"}
            """#)
        object["certificate"] = .object([
            "issuer": .string("Robert Koch-Institut"),
            "hcid": .string("URN:UVCI:01:DE:IZ12345A/5CWLU12RNOB9RXSEOP6FG8#W"),
        ])
        return try VaccinationRecord(json: .object(object))
    }

    static func trustStore(keySet: JSONValue = issuer.publicKeySet, boundTo issuer: String? = issuerID) throws
        -> TrustStore
    {
        var store = TrustStore()
        store.add(try JWKSet(json: keySet), issuer: issuer)
        return store
    }

    static func context(at date: Date = during, store: TrustStore? = nil) throws -> VerificationContext {
        VerificationContext(trustStore: try store ?? trustStore(), validationTime: date)
    }

    static func issued() throws -> String {
        try issuer.issue(record(), issuedAt: issuedAt, expiresAt: expiresAt)
    }

    /// Re-signs an edited payload with `key`, keeping the header.
    static func resign(_ jws: String, key: P256.Signing.PrivateKey = key, edit: (inout JSONObject) -> Void) throws
        -> String
    {
        let parsed = try CompactJWS(parsing: jws)
        guard case .object(var payload) = try JSONParser.parse(parsed.payload) else { fatalError("not an object") }
        edit(&payload)
        return try CompactJWS(signing: JSONSerializer.serialize(.object(payload)), header: parsed.header, key: key).text
    }
}
