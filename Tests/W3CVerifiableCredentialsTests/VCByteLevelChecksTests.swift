import JSON
import Testing

@testable import W3CVerifiableCredentials

/// The byte-level checks agree with the String operations they replaced.
@Suite("VC byte-level checks")
struct VCByteLevelChecksTests {
    @Test(arguments: [
        "vaccineCode", "Code", "atcCode", "code", "xCod", "Cod", "", "xCodé", "x\u{301}Code", "\u{0600}Code",
        "é\u{200D}Code", "CodeCode", "medicinalProductCode", "ode",
    ])
    func codeSuffixMatchesHasSuffix(key: String) {
        #expect(VCCredentialStructure.hasCodeSuffix(key) == key.hasSuffix("Code"), "\(key.unicodeScalars.map(\.value))")
    }

    @Test(arguments: [
        ("https://dvc.example/issuer", true), ("did:web:example.org", true), ("did:web:example.org%3A8443:path", true),
        ("did:web:", false), ("did:web::x", false), ("https://", false), ("https:///x", false),
        ("https://a b", false), ("https://a?b", false), ("http://a", false), ("did:web:\u{301}x", false),
        ("https://\u{301}x", false), ("https://a#b", false), ("", false), ("did:web:a~b_c.d-e", true),
    ])
    func issuerIdentifiers(text: String, valid: Bool) {
        #expect(VCIssuerIdentifier.isValid(text) == valid)
    }

    @Test func issuerIdentifierLengthLimit() {
        let long = "https://" + String(repeating: "a", count: VCIssuerIdentifier.maximumLength - 8)
        #expect(VCIssuerIdentifier.isValid(long))
        #expect(!VCIssuerIdentifier.isValid(long + "a"))
    }

    @Test func hasTypeReadsAStringOrAnArrayOfStrings() {
        #expect(VCCredentialStructure.hasType(.string("Vaccine"), "Vaccine"))
        #expect(VCCredentialStructure.hasType(.array([.integer(1), .string("Vaccine")]), "Vaccine"))
        #expect(!VCCredentialStructure.hasType(.array([.array([.string("Vaccine")])]), "Vaccine"))
        #expect(!VCCredentialStructure.hasType(.object(["type": .string("Vaccine")]), "Vaccine"))
        #expect(!VCCredentialStructure.hasType(nil, "Vaccine"))
    }
}
