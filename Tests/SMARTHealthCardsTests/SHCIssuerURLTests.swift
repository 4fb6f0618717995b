import JSON
import SMARTHealthCards
import Testing

/// `iss` must be an https URL without a trailing slash, query, fragment, spaces or non-ASCII characters.
struct SHCIssuerURLTests {
    static let cases: [(url: String, valid: Bool)] = [
        ("https://issuer.example.org", true),
        ("https://issuer.example.org/path/to/issuer", true),
        ("https://a", true),
        ("https://", false),
        ("http://issuer.example.org", false),
        ("HTTPS://issuer.example.org", false),
        ("https://issuer.example.org/", false),
        ("https://issuer.example.org/x?y=1", false),
        ("https://issuer.example.org/#x", false),
        ("https://issuer example.org", false),
        ("https://issuer.example.org/\u{7F}", false),
        ("https://issuer.bücher.example", false),
        ("", false),
    ]

    @Test(arguments: cases)
    func issuerURL(url: String, valid: Bool) throws {
        let payload = try SHCPayload(json: [
            "iss": .string(url), "nbf": 1_700_000_000,
            "vc": ["type": ["https://smarthealth.cards#health-card"], "credentialSubject": ["fhirVersion": "4.0.1", "fhirBundle": ["resourceType": "Bundle"]]],
        ])
        #expect(payload.hasValidIssuerURL == valid)
        // A substring-backed issuer reads the same.
        let framed = "<" + url + ">"
        let sliced = String(framed.dropFirst().dropLast())
        #expect(try SHCPayload(json: ["iss": .string(sliced), "nbf": 1, "vc": payload.json["vc"]!]).hasValidIssuerURL == valid)
    }
}
