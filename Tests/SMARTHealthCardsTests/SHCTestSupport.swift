import Crypto
import CredentialVerification
import Foundation
import JOSE
import JSON
import SMARTHealthCards
import TestSupport
import Trust
import VaccinationRecord

/// Shared keys, issuers and times of the SMART Health Cards tests.
enum SHCTestSupport {
    static let exampleIssuer = "https://spec.smarthealth.cards/examples/issuer"
    static let key0ID = "3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s"
    /// 2023-07-01: after the examples' nbf (2023-06-22), before example 03 expires (2024-06-21).
    static let exampleTime = Date(timeIntervalSince1970: 1_688_169_600)
    /// The dev-tools' pinned validation time (2022-05-31) is before the examples' nbf; fixtures signed since then
    /// are checked at ``exampleTime`` too.
    static let afterExample03Expiry = Date(timeIntervalSince1970: 1_718_986_764.657 + 86_400)

    static func text(_ path: String) throws -> String {
        String(decoding: try TestData.data(path), as: UTF8.self)
    }

    static func exampleKeySet() throws -> JWKSet {
        try JWKSet(data: Array(TestData.data("shc/examples/issuer/.well-known/jwks.json")), requireThumbprintKeyIDs: true)
    }

    /// A trust store with the example JWKS bound to the example issuer, plus optional other bound sets.
    static func exampleContext(at time: Date = exampleTime, extra: [(JWKSet, String)] = []) throws -> VerificationContext {
        var store = TrustStore()
        store.add(try exampleKeySet(), issuer: exampleIssuer)
        for (set, issuer) in extra { store.add(set, issuer: issuer) }
        return VerificationContext(trustStore: store, validationTime: time)
    }

    /// The example CRLs, as loaded beside the JWKS.
    static func exampleRevocationLists() throws -> [SHCRevocationList] {
        try SHCRevocationList.lists(
            besideJWKSFile: TestData.url("shc/examples/issuer/.well-known/jwks.json"), issuer: exampleIssuer)
    }

    /// The spec's private key 0 (a public test key).
    static func examplePrivateKey0() throws -> P256.Signing.PrivateKey {
        let json = try JSONParser.parse(Array(TestData.data("shc/generate-examples/config/issuer.jwks.private.json")))
        let key = try requireValue(json["keys"]?.arrayValue?.first { $0["kid"]?.stringValue == key0ID })
        let d = try Base64URL.decode(try requireValue(key["d"]?.stringValue))
        return try P256.Signing.PrivateKey(rawRepresentation: d)
    }

    /// A new issuer with a fresh key, its JWKS bound to `issuer` in a trust store.
    static func freshIssuer(_ issuer: String = "https://issuer.example.org") throws -> (SHCIssuer, TrustStore) {
        let shcIssuer = SHCIssuer(signingKey: P256.Signing.PrivateKey(), issuer: issuer)
        var store = TrustStore()
        store.add(try JWKSet(json: .object(["keys": .array([shcIssuer.publicJWK])]), requireThumbprintKeyIDs: true), issuer: issuer)
        return (shcIssuer, store)
    }

    /// A vaccination record (Comirnaty, second dose).
    static func record(birthDate: String = "1964-08-12", brand: String = "EU/1/20/1528") -> VaccinationRecord {
        VaccinationRecord(
            name: PersonName(family: "Mustermann", given: "Erika"),
            birthDate: PartialDate(birthDate),
            event: .vaccination(
                VaccinationEvent(
                    disease: Coding(system: CodeSystem.snomedCT, code: "840539006"),
                    vaccine: Coding(system: CodeSystem.snomedCT, code: "1119349007"),
                    brand: Coding(system: CodeSystem.euUnionRegister, code: brand),
                    manufacturer: Coding(system: CodeSystem.emaSPOROrganisations, code: "ORG-100030215"),
                    lot: "FK4578", date: CalendarDate("2021-06-01")!, dose: 2, totalDoses: 2,
                    country: CountryCode("US")!, centre: "ABC General Hospital")),
            certificate: CertificateInfo(issuer: "Example Health"))
    }
}

struct MissingValue: Error {}

/// `#require` for use outside a test function body.
func requireValue<T>(_ value: T?) throws -> T {
    guard let value else { throw MissingValue() }
    return value
}
