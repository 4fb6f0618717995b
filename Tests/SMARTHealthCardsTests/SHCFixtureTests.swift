import CodedErrors
import CredentialVerification
import Foundation
import JOSE
import JSON
import SMARTHealthCards
import TestSupport
import Testing
import Trust

/// The health-cards-dev-tools fixtures (`shc-devtools/`), replayed against the expectations in its
/// EXPECTATIONS.md. Every fixture listed there that an offline verifier can judge is in one of the tables.
@Suite("SMART Health Cards: dev-tools fixtures")
struct SHCFixtureTests {
    /// What a verifier must do with a fixture: accept it (optionally with a warning code), or reject it with
    /// one of the codes given.
    enum Expectation: Sendable, CustomStringConvertible {
        case accept(warning: String? = nil)
        case reject([String])

        var description: String {
            switch self {
            case .accept(let warning): return "accept" + (warning.map { " with \($0)" } ?? "")
            case .reject(let codes): return "reject with \(codes.joined(separator: "|"))"
            }
        }
    }

    /// Fixtures verified end to end (JWS, numeric QR, `.smart-health-card` and FHIR Parameters are read as
    /// text; several files are joined by newlines as a scanner would).
    static let cards: [(files: [String], expected: Expectation)] = [
        (["test-example-1195-byte-qrnumeric.txt"], .accept()),
        (["test-example-00-e-file-multi-jws.smart-health-card"], .accept()),
        (["test-example-00-e-file.wrong-extension"], .accept()),
        (["test-example-00-f-qr-code-numeric-value-0-wrong-multi-chunk.txt"], .accept(warning: "SHC_INVALID_QR_HEADER")),
        ((0...16).map { "test-example-00-f-qr-code-numeric-value-\($0)-qr_chunk_too_small.txt" }, .accept(warning: "SHC_QR_CHUNKING_DEPRECATED")),
        (["test-example-00-d-jws-bad-fhir-metadata.txt"], .accept(warning: "SHC_FHIR_SCHEMA")),
        (["test-example-00-d-jws-jws_too_long.txt"], .reject(["UNKNOWN_KEY"])),  // iss is the old smarthealth.cards domain
        (["test-example-00-a-fhirBundle-trailing_chars.json"], .reject(["SHC_TRAILING_CHARACTERS"])),
        (["test-example-00-d-jws-trailing_chars.txt"], .reject(["SHC_TRAILING_CHARACTERS"])),
        (["test-example-00-e-file-trailing_chars.smart-health-card"], .reject(["SHC_TRAILING_CHARACTERS"])),
        (["test-example-00-f-qr-code-numeric-value-0-trailing_chars.txt"], .reject(["SHC_TRAILING_CHARACTERS"])),
        (["test-example-00-d-jws-utf8_bom_prefix.txt"], .reject(["SHC_TRAILING_CHARACTERS"])),
        (["test-example-00-e-file-invalid_deflate.smart-health-card"], .reject(["SHC_INFLATION"])),
        (["test-example-00-e-file-no_deflate.smart-health-card"], .reject(["SHC_JWS_HEADER"])),
        (["test-example-00-d-jws-no_deflate.txt"], .reject(["SHC_JWS_HEADER"])),
        (["test-example-00-d-jws-no_jws_header_alg.txt"], .reject(["JWS_UNSUPPORTED_ALGORITHM"])),
        (["test-example-00-d-jws-no_jws_header_kid.txt"], .reject(["SHC_JWS_HEADER"])),
        (["test-example-00-d-jws-no_jws_header_zip.txt"], .reject(["SHC_JWS_HEADER"])),
        (["test-example-00-d-jws-wrong_jws_header_kid.txt"], .reject(["UNKNOWN_KEY"])),
        (["test-example-00-d-jws-invalid-signature.txt"], .reject(["JWS_SIGNATURE_INVALID"])),
        (["test-example-00-d-jws-der-signature.txt"], .reject(["JWS_SIGNATURE_FORMAT"])),
        (["test-example-00-d-jws-der-signature-r-neg.txt"], .reject(["JWS_SIGNATURE_FORMAT"])),
        (["test-example-00-d-jws-der-signature-s-neg.txt"], .reject(["JWS_SIGNATURE_FORMAT"])),
        (["test-example-00-d-jws-der-signature-rs-neg.txt"], .reject(["JWS_SIGNATURE_FORMAT"])),
        (["test-example-00-d-jws-issuer-kid-mismatch.txt"], .reject(["UNKNOWN_KEY"])),
        (["test-example-00-d-jws-issuer-not-valid-with-smart-key.txt"], .reject(["UNKNOWN_KEY"])),
        (["test-example-00-e-file-invalid_issuer_url.smart-health-card"], .reject(["UNKNOWN_KEY"])),
        (["test-example-00-e-file-invalid_issuer_url_http.smart-health-card"], .reject(["UNKNOWN_KEY", "SHC_INVALID_ISSUER_URL"])),
        (["test-example-00-e-file-issuer_url_with_trailing_slash.smart-health-card"], .reject(["UNKNOWN_KEY", "SHC_INVALID_ISSUER_URL"])),
        (["test-example-00-e-file-bad_jwks.smart-health-card"], .reject(["UNKNOWN_KEY"])),
        (["test-example-00-e-file-multi-jws-issues.smart-health-card"], .reject(["SHC_TRAILING_CHARACTERS"])),
        (["test-example-00-f-qr-code-numeric-value-0-wrong_qr_header.txt"], .reject(["SHC_INVALID_QR_HEADER"])),
        (["test-example-00-f-qr-code-numeric-value-0-odd-count.txt"], .reject(["SHC_INVALID_NUMERIC_QR"])),
        (["test-example-00-f-qr-code-numeric-value-0-number-too-big.txt"], .reject(["SHC_INVALID_NUMERIC_QR"])),
        (["test-example-00-f-qr-code-numeric-value-0-index-out-of-range.txt", "../shc/examples/example-02-f-qr-code-numeric-value-1.txt"], .reject(["SHC_INVALID_QR_HEADER"])),
        (["test-example-02-f-qr-code-numeric-value-0-qr_chunk_too_big.txt", "test-example-02-f-qr-code-numeric-value-1-qr_chunk_too_big.txt"], .reject(["SHC_INVALID_NUMERIC_QR"])),
        (["../shc/examples/example-02-f-qr-code-numeric-value-0.txt", "../shc/examples/example-02-f-qr-code-numeric-value-2.txt"], .reject(["SHC_MISSING_QR_CHUNK"])),
        (["../shc/examples/example-02-f-qr-code-numeric-value-0.txt", "../shc/examples/example-02-f-qr-code-numeric-value-2.txt", "../shc/examples/example-02-f-qr-code-numeric-value-0.txt"], .reject(["SHC_INVALID_QR_HEADER"])),
        (["test-example-00-fhirhealthcard.json"], .accept()),
        (["test-example-00-fhirhealthcard-multi-jws.json"], .accept()),
        (["test-example-00-fhirhealthcard-with-resource-link.json"], .accept()),
        (["badcrl/duplicate-rid/jws-crl-duplicate-rid.txt"], .reject(["UNKNOWN_KEY"])),
        (["badcrl/invalid-method/jws-crl-invalid-method.txt"], .reject(["UNKNOWN_KEY"])),
    ]

    /// Unsigned payload fixtures (`jwspayload`), checked with ``SHCVerifier/checkPayload(_:context:)``.
    static let payloads: [(file: String, expected: Expectation)] = [
        ("test-example-00-b-jws-payload-expanded-nbf_not_yet_valid.json", .reject(["NOT_YET_VALID"])),  // dev-tools: W; we fail the time check
        ("test-example-00-b-jws-payload-expanded-expired.json", .reject(["EXPIRED"])),  // the spec: SHALL reject
        ("test-example-00-b-jws-payload-expanded-exp_milliseconds.json", .accept(warning: "SHC_INVALID_EXPIRATION")),
        ("test-example-00-b-jws-payload-expanded-missing-imm-vc-type.json", .accept()),
        ("test-example-00-b-jws-payload-expanded-missing-covid-vc-type.json", .accept()),
        ("test-example-covid-lab-jwspayload-missing-lab-vc-type.json", .accept()),
        ("test-example-00-b-jws-payload-expanded-optional-vc-type.json", .accept()),
        ("test-example-00-b-jws-payload-expanded-unknown-vc-types.json", .accept()),
        ("test-example-00-b-jws-payload-expanded-nbf_milliseconds.json", .reject(["NOT_YET_VALID"])),
        ("test-example-00-b-jws-payload-expanded-pre-expired.json", .reject(["SHC_INVALID_EXPIRATION"])),
        ("test-example-00-b-jws-payload-expanded-missing-shc-vc-type.json", .reject(["SHC_SCHEMA"])),
        ("test-example-00-b-jws-payload-expanded-missing-coding.json", .reject(["SHC_FHIR_SCHEMA"])),
    ]

    /// FHIR Bundle fixtures (`fhirbundle`), checked with ``SHCBundleValidator``.
    static let bundles: [(file: String, expected: Expectation)] = [
        ("test-example-00-a-non-dm-properties.json", .accept(warning: "SHC_FHIR_SCHEMA")),
        ("test-example-00-a-fhirBundle-bad_meta_extra_key.json", .accept(warning: "SHC_FHIR_SCHEMA")),
        ("test-example-00-a-fhirBundle-bad_meta_non_security.json", .accept(warning: "SHC_FHIR_SCHEMA")),
        ("../shc/examples/example-00-a-fhirBundle.json", .accept()),
        ("test-example-00-a-fhirBundle-bad_meta_wrong_security.json", .reject(["SHC_FHIR_SCHEMA"])),
        ("test-example-00-a-fhirBundle-empty-values.json", .reject(["SHC_FHIR_SCHEMA"])),
        ("test-example-00-a-fhirBundle-occurrence-issues.json", .reject(["SHC_FHIR_SCHEMA"])),
        ("test-example-00-a-fhirBundle-status-not-completed.json", .reject(["SHC_FHIR_SCHEMA"])),
        ("test-example-00-a-short-refs.json", .reject(["SHC_FHIR_SCHEMA"])),
        ("test-example-00-a-fhirBundle-profile-usa.json", .reject(["SHC_FHIR_SCHEMA"])),
    ]

    /// The dev-tools trust setup: the example JWKS for the spec issuer, a foreign set for another issuer.
    static func context() throws -> VerificationContext {
        let foreign = try JWKSet(data: Array(TestData.data("shc-devtools/issuer.jwks.public.not.smart.json")))
        return try SHCTestSupport.exampleContext(extra: [(foreign, "https://not.smart.example")])
    }

    static func check(_ result: VerificationResult, _ expected: Expectation, _ name: String) {
        switch expected {
        case .accept(let warning):
            #expect(result.errors.isEmpty, "\(name): expected no errors, found \(result.errors)")
            if let warning {
                #expect(result.warnings.contains { $0.code == warning }, "\(name): expected warning \(warning), found \(result.warnings)")
            }
        case .reject(let codes):
            #expect(!result.errors.isEmpty, "\(name): expected a rejection")
            #expect(result.errors.contains { codes.contains($0.code) }, "\(name): expected \(codes), found \(result.errors.map(\.code))")
        }
    }

    @Test(arguments: cards.indices)
    func card(index: Int) throws {
        let (files, expected) = Self.cards[index]
        let text = try files.map { try SHCTestSupport.text("shc-devtools/" + $0) }
        // Several chunk files are scanned separately: each loses its own trailing line break.
        let joined = files.count == 1 ? text[0] : text.map { $0.trimmingCharacters(in: .newlines) }.joined(separator: "\n")
        let result = SHCVerifier().verify(joined[...], context: try Self.context())
        Self.check(result, expected, files[0])
        if case .accept = expected { #expect(result.isValid, "\(files[0]): \(result.errors)") } else { #expect(!result.isValid) }
    }

    @Test(arguments: payloads.indices)
    func payload(index: Int) throws {
        let (file, expected) = Self.payloads[index]
        let json = try JSONParser.parse(Array(TestData.data("shc-devtools/" + file)))
        let result = SHCVerifier().checkPayload(json, context: try Self.context())
        Self.check(result, expected, file)
    }

    @Test(arguments: bundles.indices)
    func bundle(index: Int) throws {
        let (file, expected) = Self.bundles[index]
        let findings = SHCBundleValidator().validate(try JSONParser.parse(Array(TestData.data("shc-devtools/" + file))))
        var result = VerificationResult(format: .smartHealthCard)
        result.errors = findings.errors.map { GenericCodedError($0) }
        result.warnings = findings.warnings.map { GenericCodedError($0) }
        Self.check(result, expected, file)
    }

    /// The multi-JWS file has two valid credentials signed by two different keys; both are verified.
    @Test func multiCredentialFileVerifiesEach() throws {
        let text = try SHCTestSupport.text("shc-devtools/test-example-00-e-file-multi-jws.smart-health-card")
        let results = SHCVerifier().verifyAll(text[...], context: try Self.context())
        #expect(results.count == 2)
        #expect(results.allSatisfy { $0.isValid })
        #expect(Set(results.compactMap(\.keyID)).count == 2)
    }
}

extension SHCFixtureTests {
    /// The multi-JWS file with issues has whitespace after its JSON (rejected as a whole); trimmed, its first
    /// JWS has no alg and its second verifies.
    @Test func multiCredentialFileReportsEachProblem() throws {
        let text = try SHCTestSupport.text("shc-devtools/test-example-00-e-file-multi-jws-issues.smart-health-card")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let results = SHCVerifier().verifyAll(text[...], context: try Self.context())
        #expect(results.map { $0.errors.map(\.code) } == [["JWS_UNSUPPORTED_ALGORITHM"], []])
        let merged = SHCVerifier().verify(text[...], context: try Self.context())
        #expect(merged.errors.map(\.code) == ["JWS_UNSUPPORTED_ALGORITHM"])
        #expect(!merged.isValid)
        // The other way round: a valid first credential does not hide a failing second one.
        let json = try JSONParser.parse(text)
        let credentials = try #require(json["verifiableCredential"]?.arrayValue)
        let swapped = JSONSerializer.serializeToString(.object(["verifiableCredential": .array(credentials.reversed())]))
        let result = SHCVerifier().verify(swapped[...], context: try Self.context())
        #expect(!result.isValid)
        #expect(result.checks.decode == .fail)
        #expect(result.errors.map(\.message).allSatisfy { $0.hasPrefix("verifiableCredential[1]") })
    }
}

extension SHCFixtureTests {
    /// The dev-tools `badcrl/` cards with their key (crlVersion 1) bound to their issuer, and revocation lists
    /// rebuilt from the fixture notes (the lists themselves are not part of the copied data).
    static let badRevocationLists: [(name: String, list: String)] = [
        ("duplicate-rid", #"{"kid":"K","method":"rid","ctr":1,"rids":["XkNHp2Iyk0Y","XkNHp2Iyk0Y","XkNHp2Iyk0Y.1639168502"]}"#),
        ("invalid-method", #"{"kid":"K","method":"invalid-method","ctr":1,"rids":["abcde"]}"#),
        ("non-base64url-rid", #"{"kid":"K","method":"rid","ctr":1,"rids":["base64==","$wrongrid!"]}"#),
        ("too-long-rid", #"{"kid":"K","method":"rid","ctr":1,"rids":["abcdefghijklmnopqrstuvwxyz0123456789"]}"#),
        ("version-mismatch", #"{"kid":"K","method":"rid","ctr":2,"rids":["abcde"]}"#),
    ]

    @Test(arguments: badRevocationLists.indices)
    func badRevocationListFailsTheCard(index: Int) throws {
        let (name, listText) = Self.badRevocationLists[index]
        let issuer = "https://raw.githubusercontent.com/smart-on-fhir/health-cards-dev-tools/main/testdata/badcrl/" + name
        let key = try JSONParser.parse(Array(TestData.data("shc-devtools/badcrl/public.json")))
        let kid = try #require(key["kid"]?.stringValue)
        var store = TrustStore()
        store.add(try JWKSet(json: .object(["keys": .array([key])]), requireThumbprintKeyIDs: true), issuer: issuer)
        let list = try SHCRevocationList(data: Array(listText.replacingOccurrences(of: "\"K\"", with: "\"\(kid)\"").utf8), issuer: issuer)
        let card = try SHCTestSupport.text("shc-devtools/badcrl/\(name)/jws-crl-\(name).txt")
        let context = VerificationContext(trustStore: store, validationTime: SHCTestSupport.exampleTime)
        let result = SHCVerifier(revocationLists: [list]).verify(card[...], context: context)
        #expect(result.checks.signature == .pass, "\(name): \(result.errors)")
        #expect(result.checks.revocation == .fail)
        #expect(result.errors.map(\.code) == ["SHC_INVALID_REVOCATION"], "\(name)")
        // Without a list the card is valid, and the verifier says that the key announces one.
        let unchecked = SHCVerifier().verify(card[...], context: context)
        #expect(unchecked.checks.revocation == .skipped)
        #expect(unchecked.warnings.contains { $0.code == "SHC_REVOCATION_LIST_UNAVAILABLE" })
    }
}
