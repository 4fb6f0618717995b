import CredentialVerification
import Deflate
import Foundation
import JOSE
import JSON
import SMARTHealthCards
import TestSupport
import Testing
import Trust

@Suite("SMART Health Cards: the spec examples")
struct SHCExampleTests {
    /// Every example of the folder: the NN of each `example-NN-d-jws.txt` (empty when the folder is missing,
    /// which ``theFolderHoldsTheFourPublishedExamples()`` reports).
    static let examples: [Int] = {
        let names = (try? TestData.files(under: "shc/examples", withExtension: "txt"))?.map(\.lastPathComponent) ?? []
        return names.compactMap { name -> Int? in
            guard name.hasPrefix("example-"), name.hasSuffix("-d-jws.txt") else { return nil }
            return Int(name.dropFirst("example-".count).dropLast("-d-jws.txt".count))
        }.sorted()
    }()

    static func prefix(_ number: Int) -> String { "example-" + (number < 10 ? "0" : "") + "\(number)-" }

    func path(_ number: Int, _ suffix: String) -> String { "shc/examples/" + Self.prefix(number) + suffix }

    func numericFiles(_ number: Int) throws -> [String] {
        try TestData.files(under: "shc/examples", withExtension: "txt")
            .filter { $0.lastPathComponent.hasPrefix(Self.prefix(number) + "f-qr-code-numeric-value-") }
            .map { String(decoding: try Data(contentsOf: $0), as: UTF8.self) }
    }

    /// The per-example expectations below (warnings, revocation, expiry) are those of the four published
    /// examples: a new example in the folder runs through every test and fails here until it is described.
    @Test func theFolderHoldsTheFourPublishedExamples() {
        #expect(Self.examples == [0, 1, 2, 3])
    }

    @Test(arguments: examples)
    func jwsVerifies(number: Int) throws {
        // Example 03 is revoked: its revocation is tested below, here it is verified without the list.
        let verifier = SHCVerifier(revocationLists: number == 3 ? [] : try SHCTestSupport.exampleRevocationLists())
        let result = verifier.verify(try SHCTestSupport.text(path(number, "d-jws.txt"))[...], context: try SHCTestSupport.exampleContext())
        #expect(result.isValid, "\(result.errors)")
        #expect(result.format == .smartHealthCard)
        #expect(result.checks.decode == .pass && result.checks.signature == .pass && result.checks.time == .pass)
        #expect(result.checks.schema == .pass)
        #expect(result.issuer == SHCTestSupport.exampleIssuer)
        // Example 02 (3285 characters) needs chunks: a warning, not an error.
        #expect(result.warnings.contains { $0.code == "SHC_TOO_LARGE_FOR_QR" } == (number == 2))
        // Examples 00, 02, 03 are signed by key 0, which has a CRL: the revocation check runs and passes.
        #expect(result.checks.revocation == (number == 1 || number == 3 ? .skipped : .pass))
    }

    @Test(arguments: examples)
    func fileVerifies(number: Int) throws {
        let result = SHCVerifier().verify(
            try SHCTestSupport.text(path(number, "e-file.smart-health-card"))[...], context: try SHCTestSupport.exampleContext())
        #expect(result.isValid, "\(result.errors)")
    }

    /// One trailing line break, LF or CR LF, is tolerated and nothing more is dropped with it.
    @Test(arguments: ["\n", "\r\n"])
    func oneTrailingLineBreakIsTolerated(lineBreak: String) throws {
        let context = try SHCTestSupport.exampleContext()
        for text in [try numericFiles(0)[0], try SHCTestSupport.text(path(0, "d-jws.txt"))] {
            let result = SHCVerifier().verify((text + lineBreak)[...], context: context)
            #expect(result.isValid, "\(result.errors)")
            #expect(!SHCVerifier().verify((text + lineBreak + lineBreak)[...], context: context).isValid)
        }
    }

    @Test(arguments: examples)
    func numericQRVerifiesInAnyOrder(number: Int) throws {
        let chunks = try numericFiles(number)
        #expect(chunks.count == (number == 2 ? 3 : 1))
        let context = try SHCTestSupport.exampleContext()
        for order in [chunks, chunks.reversed(), Array(chunks.dropFirst() + chunks.prefix(1))] {
            let result = SHCVerifier().verify(order.joined(separator: "\n")[...], context: context)
            #expect(result.isValid, "\(result.errors)")
            #expect(result.warnings.contains { $0.code == "SHC_QR_CHUNKING_DEPRECATED" } == (number == 2))
        }
        let jws = try SHCTestSupport.text(path(number, "d-jws.txt"))
        #expect(try SHCNumericQR.assemble(chunks.map { $0[...] }).jws == jws)
        if chunks.count == 1 { #expect(SHCNumericQR.encode(jws) == chunks[0]) }
        #expect(SHCNumericQR.encodeChunked(jws) == chunks)
    }

    @Test(arguments: examples)
    func inflatedPayloadEqualsMinifiedExample(number: Int) throws {
        let jws = try CompactJWS(parsing: try SHCTestSupport.text(path(number, "d-jws.txt")))
        let inflated = try Inflater(format: .raw).inflate(jws.payload, maxOutputSize: 1 << 20)
        #expect(inflated == Array(try TestData.data(path(number, "c-jws-payload-minified.json"))))
        // And the verifier exposes the same payload.
        let result = SHCVerifier().verify(jws.text[...], context: try SHCTestSupport.exampleContext())
        #expect(result.formatPayload == (try JSONParser.parse(inflated)))
    }

    @Test(arguments: examples)
    func keyIDIsThumbprint(number: Int) throws {
        let jws = try CompactJWS(parsing: try SHCTestSupport.text(path(number, "d-jws.txt")))
        let kid = try #require(jws.header.keyID)
        let key = try #require(try SHCTestSupport.exampleKeySet().keys(withID: kid).first)
        #expect(key.thumbprint == jws.header.keyID)
    }

    @Test func example03FailsAfterExpiry() throws {
        let context = try SHCTestSupport.exampleContext(at: SHCTestSupport.afterExample03Expiry)
        let result = SHCVerifier().verify(try SHCTestSupport.text(path(3, "d-jws.txt"))[...], context: context)
        #expect(!result.isValid)
        #expect(result.checks.time == .fail)
        #expect(result.checks.signature == .pass)
        #expect(result.errors.map(\.code) == ["EXPIRED"])
        // The others have no exp.
        let other = SHCVerifier().verify(try SHCTestSupport.text(path(0, "d-jws.txt"))[...], context: context)
        #expect(other.isValid)
    }

    @Test func example03IsRevokedWhenItsCRLApplies() throws {
        let text = try SHCTestSupport.text(path(3, "d-jws.txt"))[...]
        let context = try SHCTestSupport.exampleContext()
        let lists = try SHCTestSupport.exampleRevocationLists()
        #expect(lists.count == 1)
        let revoked = SHCVerifier(revocationLists: lists).verify(text, context: context)
        #expect(!revoked.isValid)
        #expect(revoked.checks.revocation == .fail)
        #expect(revoked.errors.map(\.code) == ["REVOKED"])
        // Without the list: skipped, with a warning that the key announces one.
        let unchecked = SHCVerifier().verify(text, context: context)
        #expect(unchecked.isValid)
        #expect(unchecked.checks.revocation == .skipped)
        #expect(unchecked.warnings.contains { $0.code == "SHC_REVOCATION_LIST_UNAVAILABLE" })
        // A list bound to another issuer does not apply.
        let foreign = try SHCRevocationList.lists(
            besideJWKSFile: TestData.url("shc/examples/issuer/.well-known/jwks.json"), issuer: "https://other.example")
        #expect(SHCVerifier(revocationLists: foreign).verify(text, context: context).checks.revocation == .skipped)
    }

    /// A timestamped rid revokes only cards issued before the timestamp.
    @Test func timestampedRIDRevokesOnlyEarlierCards() throws {
        let list = try SHCRevocationList(data: Array(#"{"kid":"k","method":"rid","ctr":1,"rids":["abc.100","def"]}"#.utf8))
        #expect(list.isRevoked(rid: "abc", notBefore: 99.5))
        #expect(!list.isRevoked(rid: "abc", notBefore: 100))
        #expect(list.isRevoked(rid: "def", notBefore: 1e9))
        #expect(!list.isRevoked(rid: "ghi", notBefore: 0))
        #expect(list.problems.isEmpty)
    }

    @Test(arguments: [
        #"{"kid":"k","method":"invalid-method","ctr":1,"rids":["abc"]}"#,
        #"{"kid":"k","method":"rid","ctr":1,"rids":["base64==","$wrongrid!"]}"#,
        #"{"kid":"k","method":"rid","ctr":1,"rids":["abcdefghijklmnopqrstuvwxyz"]}"#,
        #"{"kid":"k","method":"rid","ctr":1,"rids":["XkNHp2Iyk0Y","XkNHp2Iyk0Y.1"]}"#,
        #"{"kid":"k","method":"rid","ctr":1,"rids":["abc.12x"]}"#,
    ])
    func badRevocationListsHaveProblems(text: String) throws {
        #expect(!(try SHCRevocationList(data: Array(text.utf8))).problems.isEmpty)
    }

    /// The CRL counter must equal the key's crlVersion (dev-tools badcrl/version-mismatch).
    @Test func revocationListVersionMismatchFails() throws {
        let crl = #"{"kid":"3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s","method":"rid","ctr":2,"rids":[]}"#
        let list = try SHCRevocationList(data: Array(crl.utf8), issuer: SHCTestSupport.exampleIssuer)
        let result = SHCVerifier(revocationLists: [list]).verify(
            try SHCTestSupport.text(path(0, "d-jws.txt"))[...], context: try SHCTestSupport.exampleContext())
        #expect(result.checks.revocation == .fail)
        #expect(result.errors.map(\.code) == ["SHC_INVALID_REVOCATION"])
    }

    /// Sign the minified example payload with the spec's private key 0: it verifies and decodes to the same bytes.
    @Test func resigningExamplePayloadVerifies() throws {
        let minified = Array(try TestData.data(path(0, "c-jws-payload-minified.json")))
        let compressed = try Deflater.deflate(minified, format: .raw)
        let key = try SHCTestSupport.examplePrivateKey0()
        let jws = try CompactJWS(
            signing: compressed, header: JWSHeader(keyID: SHCTestSupport.key0ID, compression: "DEF"), key: key)
        let result = SHCVerifier().verify(jws.text[...], context: try SHCTestSupport.exampleContext())
        #expect(result.isValid, "\(result.errors)")
        #expect(try Inflater(format: .raw).inflate(CompactJWS(parsing: jws.text).payload) == minified)
    }

    /// Example 00 has three doses: the record holds the latest (2022-09-05, CVX 229) and warns about the others.
    @Test func example00MapsItsLatestDose() throws {
        let result = SHCVerifier().verify(try SHCTestSupport.text(path(0, "d-jws.txt"))[...], context: try SHCTestSupport.exampleContext())
        let record = try #require(result.credential)
        #expect(record.name.family == "Anyperson")
        #expect(record.name.given == "John B.")
        #expect(record.birthDate?.text == "1951-01-20")
        let vaccination = try #require(record.event.vaccination)
        #expect(vaccination.date.text == "2022-09-05")
        #expect(vaccination.dose == 3)
        #expect(vaccination.lot == "0000001")
        #expect(vaccination.centre == "ABC General Hospital")
        #expect(record.certificate.issuer == SHCTestSupport.exampleIssuer)
        #expect(record.certificate.kid == SHCTestSupport.key0ID)
        #expect(result.credentialWarnings.contains { $0.code == "SHC_NOT_MAPPED" && $0.message.contains("2 earlier") })
    }

    /// Example 02 is a lab report: it verifies, but there is no vaccination to map.
    @Test func example02HasNoRecord() throws {
        let result = SHCVerifier().verify(try SHCTestSupport.text(path(2, "d-jws.txt"))[...], context: try SHCTestSupport.exampleContext())
        #expect(result.isValid)
        #expect(result.credential == nil)
        #expect(result.credentialWarnings.map(\.code) == ["SHC_NOT_MAPPED"])
    }

    /// Example 01 is signed by the key that publishes a certificate chain (SAN URI = the example issuer). With the
    /// chain of another key in its place the card does not verify: the chain no longer vouches for the key.
    @Test func example01FailsWhenItsKeyCarriesAnotherKeysChain() throws {
        let jwks = try JSONParser.parse(Array(TestData.data("shc/examples/issuer/.well-known/jwks.json")))
        let foreign = try JSONParser.parse(Array(TestData.data("shc-devtools/cert_mismatch.public.json")))
        let foreignChain = try #require(foreign["keys"]?.arrayValue?.first?["x5c"])
        guard case .array(let keys) = jwks["keys"] ?? .null else { throw JOSEError(.invalidKeySet, "expected keys") }
        let altered: [JSONValue] = keys.map { key in
            guard case .object(var object) = key, object["x5c"] != nil else { return key }
            object["x5c"] = foreignChain
            return .object(object)
        }
        var store = TrustStore()
        store.add(try JWKSet(json: .object(["keys": .array(altered)]), requireThumbprintKeyIDs: true), issuer: SHCTestSupport.exampleIssuer)
        let context = VerificationContext(trustStore: store, validationTime: SHCTestSupport.exampleTime)
        let result = SHCVerifier().verify(try SHCTestSupport.text(path(1, "d-jws.txt"))[...], context: context)
        #expect(result.checks.signature == .fail)
        #expect(result.errors.map(\.code) == ["JWK_X5C_INVALID"])
        // Example 00 is signed by key 0, which has no chain: it still verifies with the altered set.
        #expect(SHCVerifier().verify(try SHCTestSupport.text(path(0, "d-jws.txt"))[...], context: context).isValid)
    }
}
