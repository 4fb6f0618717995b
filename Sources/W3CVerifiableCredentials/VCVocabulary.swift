/// The names the VC-JOSE format uses: contexts, types, media types and limits.
enum VCVocabulary {
    /// The VC Data Model 2.0 base context (must come first), as the tape checks compare it.
    static let credentialsContextName: StaticString = "https://www.w3.org/ns/credentials/v2"
    /// The W3C CCG vaccination vocabulary context, as the tape checks compare it.
    static let vaccinationContextName: StaticString = "https://w3id.org/vaccination/v1"
    /// The credential types, as the tape checks compare them.
    static let credentialTypeNames: [StaticString] = ["VerifiableCredential", "VaccinationCertificate"]

    /// The VC Data Model 2.0 base context (must come first).
    static let credentialsContext = credentialsContextName.description
    /// The W3C CCG vaccination vocabulary context.
    static let vaccinationContext = vaccinationContextName.description
    /// The credential types.
    static let credentialTypes = credentialTypeNames.map(\.description)

    /// The JWS `typ` written: the VC-JOSE-COSE media type `application/vc+jwt` without its `application/` prefix.
    static let headerType = "vc+jwt"
    /// The JWS `cty` written: `application/vc`, shortened.
    static let contentType = "vc"
    /// The `typ` values read as a VC (the current one and those of earlier VC-JOSE-COSE drafts).
    static let acceptedHeaderTypes: Set<String> = [
        "vc+jwt", "application/vc+jwt", "vc+ld+json+jwt", "application/vc+ld+json+jwt", "vc+ld+jwt",
    ]

    /// The largest accepted compact JWS, in characters (a VC for one vaccination is about 2 KB).
    static let maximumLength = 64 * 1024
    /// The deepest JSON nesting accepted in a payload.
    static let maximumDepth = 16

    /// The coding members OpenDVC adds to `vaccine` so that codes survive a round trip; the CCG vocabulary only
    /// has display texts (`disease`, `medicinalProductName`, ...). Undefined in the CCG context, they expand
    /// through the VC 2.0 context's issuer-dependent `@vocab`.
    enum CodingMember {
        static let disease = "diseaseCode"
        static let vaccine = "vaccineCode"
        static let product = "medicinalProductCode"
        static let holder = "marketingAuthorizationHolderCode"
        static let manufacturer = "manufacturerCode"
    }
}
