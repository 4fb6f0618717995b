import Crypto
import CredentialVerification
import Deflate
import Foundation
import JOSE
import JSON
import SMARTHealthCards
import TestSupport
import Testing
import Trust
import VaccinationRecord

@Suite("SMART Health Cards: issue, verify, round trips and bad input")
struct SHCRoundTripTests {
    static let issuedAt = Date(timeIntervalSince1970: 1_700_000_000)
    static let later = Date(timeIntervalSince1970: 1_700_086_400)

    func issue(
        _ record: VaccinationRecord = SHCTestSupport.record(), expiresAt: Date? = nil
    ) throws -> (SHCIssued, VerificationContext, SHCIssuer) {
        let (issuer, store) = try SHCTestSupport.freshIssuer()
        let issued = try issuer.issue(record, issuedAt: Self.issuedAt, expiresAt: expiresAt)
        return (issued, VerificationContext(trustStore: store, validationTime: Self.later), issuer)
    }

    @Test(arguments: ["1964-08-12", "1964-08", "1964"])
    func recordRoundTripsThroughEveryForm(birthDate: String) throws {
        let record = SHCTestSupport.record(birthDate: birthDate)
        let (issued, context, issuer) = try issue(record)
        #expect(issued.qrTexts.count == 1)
        #expect(issued.jws.utf8.count <= SHCNumericQR.maximumSingleJWSLength)
        let fileText = String(decoding: issued.fileData, as: UTF8.self)
        for text in [issued.jws, issued.qrTexts[0], fileText, issued.qrTexts[0] + "\n"] {
            let result = SHCVerifier().verify(text[...], context: context)
            #expect(result.isValid, "\(result.errors)")
            #expect(result.keyID == issuer.keyID)
            let decoded = try #require(result.credential)
            #expect(decoded.name == record.name)
            #expect(decoded.birthDate == record.birthDate)
            let original = try #require(record.event.vaccination)
            let vaccination = try #require(decoded.event.vaccination)
            #expect(vaccination.vaccine == Coding(system: CodeSystem.snomedCT, code: original.vaccine.code, display: vaccination.vaccine.display))
            #expect(vaccination.brand.code == original.brand.code)
            #expect(vaccination.manufacturer?.code == original.manufacturer?.code)
            #expect(vaccination.disease?.code == original.disease?.code)
            #expect(vaccination.date == original.date)
            #expect(vaccination.lot == original.lot)
            #expect(vaccination.centre == original.centre)
            #expect(vaccination.country == original.country)
            // Not carried by the data-minimisation profile: dose numbers (one Immunization → dose 1).
            #expect(vaccination.dose == 1)
            #expect(decoded.certificate.kid == issuer.keyID)
            #expect(decoded.certificate.period?.start?.secondsSince1970 == 1_700_000_000)
            #expect(!result.credentialWarnings.contains { $0.code == "SHC_UNMAPPED_CODE" })
        }
        #expect(issued.omitted.contains { $0.message.hasPrefix("vaccination.dose") })
    }

    @Test func issuedCardHasTheSpecShape() throws {
        let (issued, _, issuer) = try issue(expiresAt: Self.later)
        let jws = try CompactJWS(parsing: issued.jws)
        #expect(jws.header.json.keys == ["zip", "alg", "kid"])
        #expect(jws.header.keyID == issuer.keyID)
        let key = try JWK(json: issuer.publicJWK)
        #expect(key.thumbprint == issuer.keyID)
        let payload = issued.payload.json
        #expect(payload["iss"] == .string("https://issuer.example.org"))
        #expect(payload["nbf"] == .integer(1_700_000_000))
        #expect(payload["exp"] == .integer(1_700_086_400))
        #expect(payload["vc"]?["type"] == .array([.string("https://smarthealth.cards#health-card")]))
        let immunization = try #require(payload["vc"]?["credentialSubject"]?["fhirBundle"]?["entry"]?.arrayValue?.last?["resource"])
        #expect(immunization["vaccineCode"]?["coding"]?.arrayValue?.first?["system"] == .string("http://hl7.org/fhir/sid/cvx"))
        #expect(immunization["vaccineCode"]?["coding"]?.arrayValue?.first?["code"] == .string("208"))
        #expect(immunization["patient"]?["reference"] == .string("resource:0"))
        let findings = SHCBundleValidator().validate(payload["vc"]?["credentialSubject"]?["fhirBundle"] ?? .null)
        #expect(findings.errors.isEmpty)
        #expect(findings.warnings.isEmpty)
    }

    @Test func unmappedCodeIsAnIssuanceError() throws {
        var record = SHCTestSupport.record(brand: "EU/9/99/9999")
        if case .vaccination(var vaccination) = record.event {
            vaccination.vaccine = Coding(system: CodeSystem.snomedCT, code: "999999999")
            record.event = .vaccination(vaccination)
        }
        let (issuer, _) = try SHCTestSupport.freshIssuer()
        #expect(throws: SHCError(.unmappedCode, "")) { try issuer.issue(record, issuedAt: Self.issuedAt, expiresAt: nil) }
    }

    @Test func unmappedCVXIsAVerificationWarning() throws {
        let translator = SHCCodeTranslator { coding, system in coding.system == system ? coding : nil }
        var record = SHCTestSupport.record()
        if case .vaccination(var vaccination) = record.event {
            vaccination.brand = Coding(system: SHCCodeTranslator.cvx, code: "207")
            record.event = .vaccination(vaccination)
        }
        let (issued, context, _) = try issue(record)
        let result = SHCVerifier(codeTranslator: translator).verify(issued.jws[...], context: context)
        #expect(result.isValid)
        #expect(result.credentialWarnings.contains { $0.code == "SHC_UNMAPPED_CODE" })
        #expect(result.credential?.event.vaccination?.brand == Coding(system: SHCCodeTranslator.cvx, code: "207"))
    }

    @Test func aVaccineTypeCodeKeepsTheBrandAndReportsWhatIsMissing() throws {
        // CVX 213 (SARS-CoV-2 vaccine, unspecified) names no product: the type translates, the rest is reported.
        var record = SHCTestSupport.record()
        if case .vaccination(var vaccination) = record.event {
            vaccination.vaccine = Coding(system: SHCCodeTranslator.cvx, code: "213")
            record.event = .vaccination(vaccination)
        }
        let (issued, context, _) = try issue(record)
        let result = SHCVerifier().verify(issued.jws[...], context: context)
        #expect(result.isValid)
        let vaccination = try #require(result.credential?.event.vaccination)
        #expect(vaccination.vaccine.system == CodeSystem.snomedCT)
        #expect(vaccination.vaccine.code == "28531000087107")
        #expect(vaccination.brand == Coding(system: SHCCodeTranslator.cvx, code: "213"))
        #expect(vaccination.manufacturer == nil)
        #expect(vaccination.disease == nil)
        let unmapped = result.credentialWarnings.filter { $0.code == "SHC_UNMAPPED_CODE" }.map(\.message)
        #expect(unmapped.count == 3)
        #expect(unmapped.contains { $0.contains("EU product") })
        #expect(unmapped.contains { $0.contains("manufacturer") })
        #expect(unmapped.contains { $0.contains("disease") })
    }

    @Test func refusesACardTooLargeForOneQR() throws {
        var record = SHCTestSupport.record()
        if case .vaccination(var vaccination) = record.event {
            // Random text does not compress: the JWS grows past 1195 characters.
            var generator = SeededGenerator(seed: 7)
            vaccination.centre = String((0..<900).map { _ in "abcdefghijklmnopqrstuvwxyz0123456789".randomElement(using: &generator)! })
            record.event = .vaccination(vaccination)
        }
        let (issuer, _) = try SHCTestSupport.freshIssuer()
        #expect(throws: SHCError(.tooLargeForQR, "")) { try issuer.issue(record, issuedAt: Self.issuedAt, expiresAt: nil) }
    }

    @Test func refusesNonVaccinationAndBadIssuers() throws {
        let (issuer, _) = try SHCTestSupport.freshIssuer("http://insecure.example.org")
        #expect(throws: SHCError(.issuance, "")) { try issuer.issue(SHCTestSupport.record(), issuedAt: Self.issuedAt, expiresAt: nil) }
        let (good, _) = try SHCTestSupport.freshIssuer()
        #expect(throws: SHCError(.issuance, "")) {
            try good.issue(SHCTestSupport.record(), issuedAt: Self.issuedAt, expiresAt: Self.issuedAt)
        }
    }

    // MARK: Bad input, each with its code

    func codes(_ text: String, _ context: VerificationContext) -> [String] {
        let result = SHCVerifier().verify(text[...], context: context)
        #expect(!result.isValid)
        return result.errors.map(\.code)
    }

    @Test func tamperedPayloadFailsTheSignature() throws {
        let (issued, context, _) = try issue()
        let jws = try CompactJWS(parsing: issued.jws)
        // Re-sign nothing: swap in the payload of another card by the same key shape.
        let (other, _, _) = try issue(SHCTestSupport.record(birthDate: "1970"))
        let otherJWS = try CompactJWS(parsing: other.jws)
        let parts = issued.jws.split(separator: ".")
        let tampered = parts[0] + "." + Base64URL.encode(otherJWS.payload) + "." + parts[2]
        #expect(codes(String(tampered), context) == ["JWS_SIGNATURE_INVALID"])
        #expect(jws.payload != otherJWS.payload)
    }

    @Test func wrongKeyWrongIssuerAndTimes() throws {
        let (issued, context, issuer) = try issue(expiresAt: Self.later)
        // Wrong key: the trust store holds another key under the same kid, which is then not that key's
        // thumbprint (a key with the card's thumbprint kid is the card's key).
        var store = TrustStore()
        var jwk = try #require(SHCIssuer(signingKey: P256.Signing.PrivateKey(), issuer: issuer.issuer).publicJWK.objectValue)
        jwk["kid"] = .string(issuer.keyID)
        store.add(try JWKSet(json: .object(["keys": .array([.object(jwk)])])), issuer: issuer.issuer)
        #expect(codes(issued.jws, VerificationContext(trustStore: store, validationTime: Self.later)) == ["JWK_WRONG_KID"])
        // Wrong issuer: the right keys, bound to another issuer.
        var other = TrustStore()
        other.add(try JWKSet(json: .object(["keys": .array([issuer.publicJWK])])), issuer: "https://someone.else")
        #expect(codes(issued.jws, VerificationContext(trustStore: other, validationTime: Self.later)) == ["UNKNOWN_KEY"])
        // Empty trust store.
        #expect(codes(issued.jws, VerificationContext(trustStore: TrustStore(), validationTime: Self.later)) == ["UNKNOWN_KEY"])
        // Expired and not yet valid.
        var expired = context
        expired.validationTime = Self.later.addingTimeInterval(1)
        #expect(codes(issued.jws, expired) == ["EXPIRED"])
        var early = context
        early.validationTime = Self.issuedAt.addingTimeInterval(-1)
        #expect(codes(issued.jws, early) == ["NOT_YET_VALID"])
    }

    @Test func oversizedAndUnrecognisedInput() throws {
        let (_, context, _) = try issue()
        #expect(codes(String(repeating: "A", count: (1 << 20) + 1), context) == ["SHC_TOO_LARGE"])
        #expect(codes("shc:/" + String(repeating: "00", count: 1196), context) == ["SHC_INVALID_NUMERIC_QR"])
        #expect(codes(String(repeating: "A", count: 70_000) + ".e30.AAAA", context) == ["JWS_TOO_LARGE"])
        #expect(codes("", context) == ["SHC_UNRECOGNISED_INPUT"])
        #expect(codes("hello", context) == ["JWS_MALFORMED"])
        #expect(codes(#"{"verifiableCredential": []}"#, context) == ["SHC_INVALID_FILE"])
        #expect(codes(#"{"verifiableCredential": [1]}"#, context) == ["SHC_INVALID_FILE"])
    }

    /// A raw DEFLATE bomb inflating past the cap is an inflation error, not an allocation.
    @Test func payloadInflationIsCapped() throws {
        let key = P256.Signing.PrivateKey()
        let bomb = try Deflater.deflate([UInt8](repeating: 0x20, count: 4 << 20), format: .raw)
        let jws = try CompactJWS(signing: bomb, header: JWSHeader(keyID: "k", compression: "DEF"), key: key)
        #expect(codes(jws.text, VerificationContext(trustStore: TrustStore())) == ["SHC_INFLATION"])
    }

    @Test func everyPrefixOfAJWSAndOfANumericQRFailsWithoutCrashing() throws {
        let (issued, context, _) = try issue()
        for text in [issued.jws, issued.qrTexts[0]] {
            let bytes = Array(text.utf8)
            for end in 0..<bytes.count {
                let prefix = String(decoding: bytes[..<end], as: UTF8.self)
                let result = SHCVerifier().verify(prefix[...], context: context)
                #expect(!result.isValid, "a prefix of \(end) characters verified")
                #expect(!result.errors.isEmpty)
            }
        }
    }

    @Test func canReadDetectsEachForm() throws {
        let (issued, _, _) = try issue()
        #expect(SHCVerifier.canRead(issued.jws[...]))
        #expect(SHCVerifier.canRead(issued.qrTexts[0][...]))
        #expect(SHCVerifier.canRead(String(decoding: issued.fileData, as: UTF8.self)[...]))
        #expect(!SHCVerifier.canRead("HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH"[...]))
        // A JWT without zip and without a vc.fhirBundle (for example a W3C VC) is not a SMART Health Card.
        let vcJWT = try CompactJWS(
            signing: Array(#"{"vc":{"credentialSubject":{"id":"x"}}}"#.utf8), header: JWSHeader(type: "JWT"), key: P256.Signing.PrivateKey())
        #expect(!SHCVerifier.canRead(vcJWT.text[...]))
        #expect(!SHCVerifier.canRead(#"{"a": 1}"#[...]))
        #expect(!SHCVerifier.canRead(#"{"verifiableCredential": [{"type": ["VerifiableCredential"]}]}"#[...]))
        #expect(!SHCVerifier.canRead(#"{"verifiableCredential": ["\#(vcJWT.text)"]}"#[...]))
        // A card whose header lacks alg is still routed here, to be rejected with its code.
        let noAlg = try SHCTestSupport.text("shc-devtools/test-example-00-d-jws-no_jws_header_alg.txt")
        #expect(SHCVerifier.canRead(noAlg[...]))
        for name in ["test-example-00-e-file-multi-jws.smart-health-card", "test-example-00-fhirhealthcard.json", "test-example-1195-byte-qrnumeric.txt"] {
            #expect(SHCVerifier.canRead(try SHCTestSupport.text("shc-devtools/" + name)[...]), "\(name)")
        }
    }

    /// Several immunizations: the most recent becomes the record's event.
    @Test func mostRecentDoseIsTheRecordEvent() throws {
        let key = P256.Signing.PrivateKey()
        let issuer = SHCIssuer(signingKey: key, issuer: "https://issuer.example.org")
        func immunization(_ date: String, _ cvx: String) -> JSONValue {
            .object([
                "resourceType": .string("Immunization"), "status": .string("completed"),
                "vaccineCode": .object(["coding": .array([.object(["system": .string("http://hl7.org/fhir/sid/cvx"), "code": .string(cvx)])])]),
                "patient": .object(["reference": .string("resource:0")]), "occurrenceDateTime": .string(date),
            ])
        }
        let bundle: JSONValue = .object([
            "resourceType": .string("Bundle"), "type": .string("collection"),
            "entry": .array([
                .object(["fullUrl": .string("resource:0"), "resource": .object(["resourceType": .string("Patient"), "name": .array([.object(["family": .string("Doe")])])])]),
                .object(["fullUrl": .string("resource:1"), "resource": immunization("2021-07-01", "208")]),
                .object(["fullUrl": .string("resource:2"), "resource": immunization("2021-12-01", "207")]),
                .object(["fullUrl": .string("resource:3"), "resource": immunization("2021-08-01", "208")]),
            ]),
        ])
        let payload = SHCPayload(issuer: issuer.issuer, notBefore: 1_700_000_000, fhirBundle: bundle)
        let compressed = try Deflater.deflate(JSONSerializer.serialize(payload.json), format: .raw)
        let jws = try CompactJWS(signing: compressed, header: JWSHeader(keyID: issuer.keyID, compression: "DEF"), key: key)
        var store = TrustStore()
        store.add(try JWKSet(json: .object(["keys": .array([issuer.publicJWK])])), issuer: issuer.issuer)
        let result = SHCVerifier().verify(jws.text[...], context: VerificationContext(trustStore: store, validationTime: Self.later))
        #expect(result.isValid, "\(result.errors)")
        let vaccination = try #require(result.credential?.event.vaccination)
        #expect(vaccination.date.text == "2021-12-01")
        #expect(vaccination.dose == 3)
        #expect(vaccination.brand.code == "EU/1/20/1507")
        #expect(result.credentialWarnings.contains { $0.message.contains("2 earlier ones are not carried") })
    }

    /// A key set read without the thumbprint rule (as `dvc verify --trust` reads one shared with W3C VC issuers)
    /// may hold a kid that is not the key's thumbprint: a card naming that kid fails with JWK_WRONG_KID, even
    /// though its signature is good.
    @Test func aKeyWhoseKidIsNotItsThumbprintDoesNotVerifyACard() throws {
        let (issued, context, issuer) = try issue()
        let jws = try CompactJWS(parsing: issued.jws)
        let kid = "issuer-key-1"
        let header = JWSHeader(keyID: kid, compression: "DEF")
        let resigned = try CompactJWS(signing: jws.payload, header: header, key: issuer.signingKey).text
        guard case .object(var key) = issuer.publicJWK else { throw SHCError(.schema, "expected a JWK object") }
        key["kid"] = .string(kid)
        var store = TrustStore()
        store.add(try JWKSet(json: .object(["keys": .array([.object(key)])])), issuer: issuer.issuer)
        let result = SHCVerifier().verify(
            resigned[...], context: VerificationContext(trustStore: store, validationTime: context.validationTime))
        #expect(result.checks.signature == .fail)
        #expect(result.errors.map(\.code) == ["JWK_WRONG_KID"])
        #expect(!result.isValid)
        // The same card under the thumbprint kid verifies.
        #expect(SHCVerifier().verify(issued.jws[...], context: context).isValid)
    }

    /// The spec's issuer keys declare `use: sig` and `alg: ES256`; a generic JWKS reader takes a key without them
    /// (RFC 7517 makes both optional), the SMART Health Cards verifier does not use it.
    @Test(arguments: [["use"], ["alg"], ["use", "alg"]])
    func aKeyWithoutUseOrAlgDoesNotVerifyACard(removed: [String]) throws {
        let (issued, context, issuer) = try issue()
        guard case .object(var key) = issuer.publicJWK else { throw SHCError(.schema, "expected a JWK object") }
        for name in removed { key[name] = nil }
        var store = TrustStore()
        store.add(try JWKSet(json: .object(["keys": .array([.object(key)])]), requireThumbprintKeyIDs: true), issuer: issuer.issuer)
        let result = SHCVerifier().verify(
            issued.jws[...], context: VerificationContext(trustStore: store, validationTime: context.validationTime))
        #expect(result.checks.signature == .fail)
        #expect(result.errors.map(\.code) == ["JWK_INVALID"])
    }
}
