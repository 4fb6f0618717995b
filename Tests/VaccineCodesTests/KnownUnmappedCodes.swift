/// Codes in the shared test data that the mapper deliberately does not map, each with the reason.
///
/// The coverage tests fail when a test-data code is neither mapped nor listed here, and when a listed code has
/// become mapped (so the list cannot go stale).
enum KnownUnmappedCodes {
    /// EU DCC `mp` (medicinal product) codes.
    static let medicinalProducts: [String: String] = [
        "": "empty mp in negative or incomplete dgc-testdata vectors",
        "729999": "deliberately invalid value in a negative dgc-testdata vector",
        "COVID-19 Vaccine Moderna": "a display name, not a code of the EU value set vaccines-covid-19-names",
    ]

    /// EU DCC `vp` (vaccine or prophylaxis) codes.
    static let vaccineTypes: [String: String] = [
        "": "empty vp in negative or incomplete dgc-testdata vectors",
        "729999": "deliberately invalid value in a negative dgc-testdata vector",
    ]

    /// EU DCC `ma` (marketing authorisation holder) codes.
    static let manufacturers: [String: String] = [
        "": "empty ma in negative or incomplete dgc-testdata vectors",
        "729999": "deliberately invalid value in a negative dgc-testdata vector",
        "ORG-1000030215": "typo of ORG-100030215 (one zero too many) in dgc-testdata vectors",
        "ORG-99999999": "deliberately unknown organisation in PL negative vectors (see reference/eu-dcc.md)",
        "SinovacBiotech": "typo of the value-set code Sinovac-Biotech in a dgc-testdata vector",
    ]

    /// CDC CVX codes (SMART Health Cards examples); none so far.
    static let cvx: [String: String] = [:]
}
