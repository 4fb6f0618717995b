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
/// EXPECTATIONS.md. Every file of the folder is run by one of the tables (cards, payloads, bundles, badcrl cases,
/// key sets, retired-issuer cards) or named with its reason in ``SHCFixtureDeviations``;
/// ``everyFixtureFileIsAccountedFor()`` checks that.
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
        (["test-example-00-e-file-jws_too_long.smart-health-card"], .reject(["UNKNOWN_KEY"])),  // the same JWS in a file
        (["test-example-00-a-fhirBundle-trailing_chars.json"], .reject(["SHC_TRAILING_CHARACTERS"])),
        (["test-example-00-b-jws-payload-expanded-trailing_chars.json"], .reject(["SHC_TRAILING_CHARACTERS"])),
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
    /// The dev-tools `badcrl/` cases, replayed from the published files: each card (signed by the badcrl test key,
    /// crlVersion 1) with its issuer's `.well-known/jwks.json` and the revocation list beside it
    /// (`.well-known/crl/<kid>.json`). Each list breaks one rule; `problem` is part of the expected finding.
    static let badRevocationCases: [(name: String, problem: String)] = [
        ("duplicate-rid", "each rid once"),
        ("invalid-method", "method rid"),
        ("non-base64url-rid", "base64url characters"),
        ("too-long-rid", "base64url characters"),
        ("version-mismatch", "crlVersion 1, found 2"),
    ]

    /// The kid of the badcrl test key (`badcrl/public.json`), which names each case's list file.
    static let badRevocationKeyID = "hrvC0uzB16UXK83BnPo7Glg685b1D6iYOyJd5hpRaAA"

    /// The files of one `badcrl/` case: card, JWKS, revocation list.
    static func badRevocationFiles(_ name: String) -> [String] {
        ["badcrl/\(name)/jws-crl-\(name).txt", "badcrl/\(name)/.well-known/jwks.json", "badcrl/\(name)/.well-known/crl/\(badRevocationKeyID).json"]
    }

    @Test(arguments: badRevocationCases.indices)
    func badRevocationListFailsTheCard(index: Int) throws {
        let (name, problem) = Self.badRevocationCases[index]
        let files = Self.badRevocationFiles(name)
        let issuer = "https://raw.githubusercontent.com/smart-on-fhir/health-cards-dev-tools/main/testdata/badcrl/" + name
        let jwks = try TestData.url("shc-devtools/" + files[1])
        var store = TrustStore()
        store.add(try JWKSet(data: Array(Data(contentsOf: jwks)), requireThumbprintKeyIDs: true), issuer: issuer)
        let lists = try SHCRevocationList.lists(besideJWKSFile: jwks, issuer: issuer)
        #expect(lists.map(\.keyID) == [Self.badRevocationKeyID], "\(name): the list beside the JWKS")
        let card = try SHCTestSupport.text("shc-devtools/" + files[0])
        let context = VerificationContext(trustStore: store, validationTime: SHCTestSupport.exampleTime)
        let result = SHCVerifier(revocationLists: lists).verify(card[...], context: context)
        #expect(result.checks.signature == .pass, "\(name): \(result.errors)")
        #expect(result.checks.revocation == .fail)
        #expect(result.errors.map(\.code) == ["SHC_INVALID_REVOCATION"], "\(name)")
        #expect(result.errors.contains { $0.message.contains(problem) }, "\(name): expected \(problem), found \(result.errors.map(\.message))")
        // Without a list the card is valid, and the verifier says that the key announces one.
        let unchecked = SHCVerifier().verify(card[...], context: context)
        #expect(unchecked.isValid, "\(name): \(unchecked.errors)")
        #expect(unchecked.checks.revocation == .skipped)
        #expect(unchecked.warnings.contains { $0.code == "SHC_REVOCATION_LIST_UNAVAILABLE" })
    }
}

extension SHCFixtureTests {
    /// How a key fixture is read: a JWKS document, or one bare JWK (the `badcrl/` key files) put in a set.
    enum KeyForm: Sendable {
        case keySet
        case singleKey
    }

    /// What a SMART Health Cards verifier makes of a key fixture loaded as an issuer's key set, where each
    /// `kid` SHALL be the key's RFC 7638 thumbprint and keys SHALL be EC P-256, `use: sig`, `alg: ES256`.
    enum KeySetExpectation: Sendable, CustomStringConvertible {
        /// The set loads: `keys` usable ES256 signing keys; `skipped` keys for another use or algorithm, which
        /// never verify a card.
        case load(keys: Int, skipped: Int)
        /// The whole set is refused with this JOSE code, for a reason whose message contains `mentioning`.
        case reject(String, mentioning: String)

        var description: String {
            switch self {
            case .load(let keys, let skipped): return "load \(keys) keys, skip \(skipped)"
            case .reject(let code, _): return "reject with \(code)"
            }
        }
    }

    /// The key-set fixtures (EXPECTATIONS.md "keyset" rows, plus the JWKS and key files of `badjwks/` and
    /// `badcrl/`), read with `requireThumbprintKeyIDs: true` as SHCTestSupport reads the spec's key set.
    /// Their `x5c` chains are checked by ``certificateChains``.
    static let keySets: [(file: String, form: KeyForm, expected: KeySetExpectation)] = [
        ("valid_key.json", .keySet, .load(keys: 1, skipped: 0)),
        ("valid_keys.json", .keySet, .load(keys: 3, skipped: 0)),
        ("valid_key_with_x5c.json", .keySet, .load(keys: 1, skipped: 0)),
        ("valid_2_chain.public.json", .keySet, .load(keys: 1, skipped: 0)),
        ("issuer.jwks.public.json", .keySet, .load(keys: 2, skipped: 1)),  // key 1: use enc, alg ECDH-ES
        ("issuer.jwks.public.not.smart.json", .keySet, .load(keys: 1, skipped: 0)),
        ("wrong_use_key.json", .keySet, .load(keys: 0, skipped: 1)),  // use enc
        ("wrong_alg_key.json", .keySet, .load(keys: 0, skipped: 1)),  // alg ES256K
        ("wrong_curve_key.json", .keySet, .load(keys: 0, skipped: 1)),  // P-384, alg ES384
        ("wrong_kid_key.json", .keySet, .reject("JWK_WRONG_KID", mentioning: "thumbprint")),
        ("wrong_kty_key.json", .keySet, .reject("JWK_INVALID", mentioning: "kty EC")),
        ("private_key.json", .keySet, .reject("JWKS_INVALID", mentioning: "private member d")),
        ("badjwks/.well-known/jwks.json", .keySet, .reject("JWKS_INVALID", mentioning: "JSON document")),  // not JSON
        ("badcrl/.well-known/jwks.json", .keySet, .reject("JWKS_INVALID", mentioning: "keys array")),  // a bare JWK
        ("badcrl/public.json", .singleKey, .load(keys: 1, skipped: 0)),
        ("badcrl/private.json", .singleKey, .reject("JWKS_INVALID", mentioning: "private member d")),
    ]

    static func loadKeySet(_ file: String, form: KeyForm, requireThumbprintKeyIDs: Bool = true) throws -> JWKSet {
        let data = Array(try TestData.data("shc-devtools/" + file))
        switch form {
        case .keySet:
            return try JWKSet(data: data, requireThumbprintKeyIDs: requireThumbprintKeyIDs)
        case .singleKey:
            return try JWKSet(json: .object(["keys": .array([try JSONParser.parse(data)])]), requireThumbprintKeyIDs: requireThumbprintKeyIDs)
        }
    }

    @Test(arguments: keySets.indices)
    func keySet(index: Int) throws {
        let (file, form, expected) = Self.keySets[index]
        switch expected {
        case .load(let count, let skipped):
            let set = try Self.loadKeySet(file, form: form)
            #expect(set.keys.count == count, "\(file): usable keys")
            #expect(set.skippedKeyCount == skipped, "\(file): skipped keys")
            #expect(set.keys.allSatisfy { $0.isSigningKey && $0.keyID == $0.thumbprint }, "\(file)")
        case .reject(let code, let fragment):
            do {
                let set = try Self.loadKeySet(file, form: form)
                Issue.record("\(file): expected \(code), found a set of \(set.keys.count) keys")
            } catch let error as JOSEError {
                #expect(error.errorCode.rawValue == code, "\(file): \(error.message)")
                #expect(error.message.contains(fragment), "\(file): expected \(fragment), found \(error.message)")
            }
        }
    }

    /// The old example issuer, which the dev-tools' x5c fixtures name in their subjectAltName URIs.
    static let retiredIssuer = "https://smarthealth.cards/examples/issuer"

    /// The x5c fixtures (EXPECTATIONS.md "keyset" rows with INVALID_KEY_X5C), each key's chain checked for an
    /// issuer by ``JWKCertificateChain``: nil for a chain that vouches for the key, else the part of the
    /// JWK_X5C_INVALID message that names the fault. Checked at any time: validity dates are not part of it.
    static let certificateChains: [(file: String, issuer: String, fault: String?)] = [
        ("valid_key_with_x5c.json", retiredIssuer, nil),  // 3 certificates
        ("valid_key_with_x5c.json", "https://invalid.url", "URI equal to iss, found other URIs"),  // SAN ≠ iss
        ("valid_2_chain.public.json", retiredIssuer, nil),  // 2 certificates
        ("issuer.jwks.public.json", "https://spec.smarthealth.cards/examples/issuer", nil),  // key 2, spec example 01's
        ("cert_mismatch.public.json", retiredIssuer, "expected the leaf certificate to hold the JWK's key"),
        ("invalid_chain.public.json", retiredIssuer, "issued and signed by x5c[1]"),
        ("invalid_DNS_SAN.public.json", retiredIssuer, "found no URI"),
        ("invalid_no_SAN.public.json", retiredIssuer, "found no subjectAltName"),
    ]

    @Test(arguments: certificateChains.indices)
    func certificateChain(index: Int) throws {
        let (file, issuer, fault) = Self.certificateChains[index]
        let set = try Self.loadKeySet(file, form: .keySet, requireThumbprintKeyIDs: false)
        let chained = set.keys.filter { $0.certificateChain != nil }
        #expect(chained.count == 1, "\(file): one key with x5c")
        let problem = chained.first.flatMap { JWKCertificateChain.problem(of: $0, issuer: issuer) }
        if let fault {
            #expect(problem?.errorCode.rawValue == "JWK_X5C_INVALID", "\(file): \(String(describing: problem))")
            #expect(problem?.message.contains(fault) == true, "\(file): expected \(fault), found \(problem?.message ?? "none")")
        } else {
            #expect(problem == nil, "\(file): \(problem?.message ?? "")")
        }
    }

    /// The kid rule is the SMART Health Cards one: a generic JWKS reader takes `wrong_kid_key.json`.
    @Test func wrongKeyIDIsRefusedOnlyUnderTheThumbprintRule() throws {
        let set = try Self.loadKeySet("wrong_kid_key.json", form: .keySet, requireThumbprintKeyIDs: false)
        #expect(set.keys.map(\.keyID) == ["ThisIsNotTheThumbprintOfTheKey"])
    }
}

extension SHCFixtureTests {
    /// The jws_too_long fixtures name the retired issuer `https://smarthealth.cards/examples/issuer`, signed with
    /// spec key 0. Bound to the example keys, the signature verifies and the 1258-character JWS draws
    /// SHC_TOO_LARGE_FOR_QR (dev-tools W JWS_TOO_LONG); the card still fails on its claims (no nbf, no
    /// `#health-card` type).
    static let retiredIssuerCards = ["test-example-00-d-jws-jws_too_long.txt", "test-example-00-e-file-jws_too_long.smart-health-card"]

    @Test(arguments: retiredIssuerCards)
    func jwsTooLongForOneQR(file: String) throws {
        let retired = "https://smarthealth.cards/examples/issuer"
        let context = try SHCTestSupport.exampleContext(extra: [(try SHCTestSupport.exampleKeySet(), retired)])
        let result = SHCVerifier().verify(try SHCTestSupport.text("shc-devtools/" + file)[...], context: context)
        #expect(result.checks.signature == .pass, "\(file): \(result.errors)")
        #expect(result.warnings.contains { $0.code == "SHC_TOO_LARGE_FOR_QR" }, "\(file): \(result.warnings)")
        #expect(!result.isValid)
        #expect(Set(result.errors.map(\.code)) == ["SHC_SCHEMA"], "\(file): \(result.errors)")
    }
}

extension SHCFixtureTests {
    /// Upstream documentation at the top of `shc-devtools/`, not fixtures.
    static let documentation: Set<String> = ["EXPECTATIONS.md", "README.md", "LICENSE"]

    /// The `shc-devtools/` files each table runs (paths outside the folder, `../shc/…`, left out).
    static var filesRunByTables: [String: [String]] {
        [
            "cards": cards.flatMap(\.files),
            "payloads": payloads.map(\.file),
            "bundles": bundles.map(\.file),
            "badRevocationCases": badRevocationCases.flatMap { badRevocationFiles($0.name) },
            "keySets": keySets.map(\.file),
            "certificateChains": certificateChains.map(\.file),
            "retiredIssuerCards": retiredIssuerCards,
        ].mapValues { $0.filter { !$0.hasPrefix("../") } }
    }

    /// Every file of `shc-devtools/` (recursively, hidden `.well-known/` folders included) is run by a table or
    /// listed, with its reason, in ``SHCFixtureDeviations/notRun``; never both; and neither list names a file
    /// that is not there. A new upstream file fails this test until it is placed.
    @Test func everyFixtureFileIsAccountedFor() throws {
        let base = try TestData.url("shc-devtools").resolvingSymlinksInPath()
        let enumerator = try #require(FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]))
        var folder: Set<String> = []
        for case let url as URL in enumerator {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let path = url.resolvingSymlinksInPath().path
            #expect(path.hasPrefix(base.path + "/"), "\(path) outside \(base.path)")
            let relative = String(path.dropFirst(base.path.count + 1))
            if !Self.documentation.contains(relative) { folder.insert(relative) }
        }
        // Hidden files count: the badjwks and badcrl key sets live in .well-known folders.
        #expect(folder.contains("badjwks/.well-known/jwks.json"))
        #expect(folder.count > 100, "expected the whole fixture folder, found \(folder.count) files")

        let run = Set(Self.filesRunByTables.values.joined())
        let notRun = Set(SHCFixtureDeviations.notRun.keys)
        #expect(folder.subtracting(run).subtracting(notRun).sorted() == [], "files in no table and not in SHCFixtureDeviations.notRun")
        #expect(run.intersection(notRun).sorted() == [], "files both run and listed as not run")
        #expect(run.subtracting(folder).sorted() == [], "table rows naming files that are not in the folder")
        #expect(notRun.subtracting(folder).sorted() == [], "SHCFixtureDeviations.notRun naming files that are not in the folder")
        #expect(Set(SHCFixtureDeviations.runDifferently.keys).subtracting(run).sorted() == [], "SHCFixtureDeviations.runDifferently naming files no table runs")
        #expect(SHCFixtureDeviations.notRun.values.allSatisfy { !$0.isEmpty } && SHCFixtureDeviations.runDifferently.values.allSatisfy { !$0.isEmpty })
    }
}
