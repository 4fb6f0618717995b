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
    func codeSuffixMatchesHasSuffix(key: String) throws {
        // The member name as the verifier sees it: key node 1 of a one-member object's tape.
        let tape = try JSONTape(value: .object([key: .integer(1)]))
        #expect(VCCredentialStructure.hasCodeSuffix(tape, 1) == key.hasSuffix("Code"), "\(key.unicodeScalars.map(\.value))")
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

    @Test func hasTypeReadsAStringOrAnArrayOfStrings() throws {
        func hasVaccineType(_ value: JSONValue) throws -> Bool {
            let tape = try JSONTape(value: value)
            return VCCredentialStructure.hasType(tape, tape.root, "Vaccine")
        }
        #expect(try hasVaccineType(.string("Vaccine")))
        #expect(try hasVaccineType(.array([.integer(1), .string("Vaccine")])))
        #expect(try hasVaccineType(.array([.string("Vaccine\u{301}"), .string("Vaccine")])))
        #expect(try !hasVaccineType(.array([.array([.string("Vaccine")])])))
        #expect(try !hasVaccineType(.object(["type": .string("Vaccine")])))
        #expect(try !hasVaccineType(.string("vaccine")))
        #expect(!VCCredentialStructure.hasType(try JSONTape(value: .null), nil, "Vaccine"))
    }
}
