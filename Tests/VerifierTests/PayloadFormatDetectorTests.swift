import CredentialVerification
import Foundation
import JOSE
import TestSupport
import Testing
import Verifier

/// Format detection from the payload's shape, on the test data of every format.
@Suite("Payload format detection")
struct PayloadFormatDetectorTests {
    static func jws(header: String, payload: String = "{}") -> String {
        Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8)) + ".c2ln"
    }

    @Test(arguments: [
        ("HC1:6BFOXN", CredentialFormat.euDCC), ("HC2:ABC", .euDCC), ("  HC1:X", .euDCC),
        ("shc:/5676290952432060346029243740446031222959532654603460292540772804336028702864716745222809286133314564376531415906402203064504590856435503414245413640370636654171372412363803043756220467374075323239254334433260573601064529380545", .smartHealthCard),
        ("SHC:/56", .smartHealthCard), ("shc:/1/2/5676", .smartHealthCard),
        (#"{"verifiableCredential": ["a.b.c"]}"#, .smartHealthCard),
        (#"{"data": {"hdr": {"t": "icao.vacc", "v": 1, "is": "UTO"}, "msg": {}}, "sig": {}}"#, .icaoVDSNC),
    ] as [(String, CredentialFormat)])
    func detectsByShape(text: String, format: CredentialFormat) {
        #expect(PayloadFormatDetector.detect(text[...]) == format)
    }

    @Test func tellsSMARTHealthCardJWSFromVerifiableCredentials() {
        #expect(PayloadFormatDetector.detect(Self.jws(header: #"{"alg":"ES256","zip":"DEF","kid":"k"}"#)[...]) == .smartHealthCard)
        #expect(PayloadFormatDetector.detect(Self.jws(header: #"{"alg":"ES256","typ":"vc+jwt","kid":"k"}"#)[...]) == .w3cVC)
    }

    @Test func theSpecExamplesAreDetected() throws {
        let examples = try TestData.url("shc/examples")
        for name in ["example-00-d-jws.txt", "example-00-f-qr-code-numeric-value-0.txt", "example-00-e-file.smart-health-card"] {
            let text = try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8)
            #expect(PayloadFormatDetector.detect(text[...]) == .smartHealthCard, "\(name)")
        }
    }

    /// A JWS cut before its signature (or its payload) keeps its header: it goes to its format's verifier, which
    /// reports it as malformed.
    @Test func aJWSMissingItsLastPartsIsStillRecognised() {
        let vc = Self.jws(header: #"{"alg":"ES256","typ":"vc+jwt","kid":"k"}"#)
        let shc = Self.jws(header: #"{"alg":"ES256","zip":"DEF","kid":"k"}"#)
        for (text, format) in [(vc, CredentialFormat.w3cVC), (shc, .smartHealthCard)] {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            #expect(PayloadFormatDetector.detect(parts[0] + "." + parts[1]) == format)
            #expect(PayloadFormatDetector.detect(parts[0] + ".") == format)
            // The header alone, without a dot, is not taken for a JWS.
            #expect(PayloadFormatDetector.detect(parts[0]) == nil)
        }
    }

    @Test(arguments: ["", "hello", "{", "{}", #"{"data": 5}"#, "a.b", "a..c", "!!.??.**", "HC1", "[1, 2]", "abcd.efgh"])
    func recognisesNothingInOtherText(text: String) {
        #expect(PayloadFormatDetector.detect(text[...]) == nil)
    }
}
