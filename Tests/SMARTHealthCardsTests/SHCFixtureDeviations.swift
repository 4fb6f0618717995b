/// The one list of health-cards-dev-tools fixtures (`shc-devtools/`) that ``SHCFixtureTests`` does not judge as
/// the folder's EXPECTATIONS.md describes, each with the reason.
///
/// ``notRun`` names every file of the folder that no table runs; ``runDifferently`` names files that a table
/// runs, but whose outcome differs from the dev-tools' or of which part of the expectation is not checked.
/// `SHCFixtureTests.everyFixtureFileIsAccountedFor` keeps both lists exact: every file of the folder is in a table
/// or in ``notRun`` (not both), and every name here is a file of the folder.
enum SHCFixtureDeviations {
    private static let qrPicture =
        "a QR picture: SHCVerifier takes the QR text (shc:/…) and OpenDVC has no QR picture decoder (QRCode only encodes); decoding is the scanner's job"
    private static let symbolProperty = " The expected finding is a property of the QR symbol (version, segment modes), which its text does not carry."
    private static let healthLink =
        "SMART Health Links: another protocol (shlink:/ payload, a manifest fetched over HTTP with a passcode, JWE-encrypted files); OpenDVC does not implement it"
    private static let schema =
        "a JSON Schema that the dev-tools validate with, not a fixture with an expected outcome; OpenDVC checks these rules in code (SHCPayload, SHCBundleValidator) and does not run these schemas"
    private static let vcTypeWarning =
        "dev-tools 1.3.0-2 warn SCHEMA_ERROR on vc.type; spec 1.4.0 deprecated the extra types and says a verifier SHALL ignore unknown ones: accepted, the warning is not required"
    private static let skippedKey =
        "dev-tools only warn; the spec says SHALL (use sig, alg ES256, crv P-256). The key is skipped and can never verify a card, but the set itself loads (0 usable keys) rather than being refused"

    /// Files of the folder that no table runs.
    static let notRun: [String: String] = [
        "test-example-00-g-qr-code-0-bad_qr_version.png": qrPicture + "." + symbolProperty + " (INVALID_QR_VERSION: version > 22)",
        "test-example-00-g-qr-code-0-corrupted.png": qrPicture + ". Expects QR_DECODE_ERROR, a picture-decoding failure before any text reaches a verifier",
        "test-example-00-g-qr-code-0-qr_chunk_too_small.png": qrPicture + ". Chunking is judged on text by the -f-…-qr_chunk_too_small.txt cards",
        "test-example-00-g-qr-code-1-qr_chunk_too_small.png": qrPicture + ". Chunking is judged on text by the -f-…-qr_chunk_too_small.txt cards",
        "test-example-00-g-qr-code-0-scaled-23.jpg": qrPicture + ". A valid picture that needs rescaling before decoding: a scanner concern",
        "test-example-00-g-qr-code-0-scaled-85.jpg": qrPicture + ". A valid picture that needs rescaling before decoding: a scanner concern",
        "test-example-00-g-qr-code-0-single_qr_segment.png": qrPicture + "." + symbolProperty + " (one byte-mode segment instead of byte + numeric)",
        "test-example-00-g-qr-code-0-too_many_qr_segment.png": qrPicture + "." + symbolProperty + " (more than 2 segments)",
        "test-example-00-g-qr-code-inflated-to-v22.png": qrPicture + "." + symbolProperty + " (W INVALID_QR_VERSION: not the smallest version)",
        "test-invalid-jws-payload.png": qrPicture + ". Expects JSON_PARSE_ERROR (payload JSON stringified twice); no text form of this card is in the folder",
        "shlink-qr.png": healthLink,
        "shlink-link.txt": healthLink,
        "shlink-link-direct.txt": healthLink,
        "shlink-link-with-viewer.txt": healthLink,
        "shlink-manifest.txt": healthLink,
        "shlink-manifest-file.txt": healthLink,
        "shlink-payload.txt": healthLink,
        "shlink-payload-direct.txt": healthLink,
        "shl-examples/ERn18l4lL3_5yPXMSzx3ZejyMM_XIeWeseXa3DXsJD0.json": healthLink + " (what the dev-tools' SHL test server serves)",
        "shl-examples/jvb42XYZTjY2BTZ2mcL6nozbTFT8Vs5G2_I-_IuxCZo.json": healthLink + " (what the dev-tools' SHL test server serves)",
        "schema/fhir-schema.json": schema,
        "schema/immunization-dm.json": schema,
        "schema/jws-schema.json": schema,
        "schema/keyset-schema.json": schema,
        "schema/patient-dm.json": schema,
        "schema/smart-health-card-schema.json": schema,
        "schema/smart-health-card-vc-schema.json": schema,
        "test-issuers.json":
            "a VCI issuer directory (participating_issuers); OpenDVC has no directory reader: trust is a JWKS bound to an iss (TrustStore, dvc iss=jwks.json), so ISSUER_NOT_TRUSTED against a directory is not supported",
        "badcrl/info.md": "upstream's note on the badcrl folder, not a fixture",
    ]

    /// Files that a table runs, with what differs from the dev-tools' expectation or is left unchecked.
    static let runDifferently: [String: String] = {
        var list: [String: String] = [
            "issuer.jwks.public.json":
                "key 1 (use enc, alg ECDH-ES) is skipped silently (JWKSet counts it in skippedKeyCount) instead of the dev-tools' W INVALID_KEY_WRONG_USE and W INVALID_KEY_WRONG_ALG",
            "wrong_use_key.json": skippedKey,
            "wrong_alg_key.json": skippedKey,
            "wrong_curve_key.json": skippedKey + " (skipped for alg ES384; a P-384 key without alg would be refused as JWK_INVALID)",
            "test-example-00-e-file.wrong-extension":
                "the verifier reads text, not file names: W INVALID_FILE_EXTENSION is not reported (the card is accepted, as the dev-tools accept it)",
            "test-example-00-d-jws-jws_too_long.txt":
                "iss is the retired https://smarthealth.cards/examples/issuer, which the offline iss → JWKS map lacks: UNKNOWN_KEY. With that iss bound to the example keys (jwsTooLongForOneQR) the signature verifies and SHC_TOO_LARGE_FOR_QR is warned (dev-tools W JWS_TOO_LONG); the card still fails SHC_SCHEMA (no nbf, no #health-card type)",
            "test-example-00-e-file-jws_too_long.smart-health-card":
                "the same JWS as test-example-00-d-jws-jws_too_long.txt in a file: UNKNOWN_KEY offline, SHC_TOO_LARGE_FOR_QR with the retired iss bound (jwsTooLongForOneQR)",
            "test-example-00-b-jws-payload-expanded-nbf_not_yet_valid.json":
                "dev-tools warn NOT_YET_VALID; the verifier fails the time check (a card is not valid before its nbf)",
            "test-example-00-b-jws-payload-expanded-expired.json":
                "dev-tools warn EXPIRATION_ERROR; the spec says a verifier SHALL reject an expired card, so it fails EXPIRED",
            "test-example-00-b-jws-payload-expanded-missing-imm-vc-type.json": vcTypeWarning,
            "test-example-00-b-jws-payload-expanded-missing-covid-vc-type.json": vcTypeWarning,
            "test-example-covid-lab-jwspayload-missing-lab-vc-type.json": vcTypeWarning,
            "test-example-00-b-jws-payload-expanded-optional-vc-type.json": vcTypeWarning + " (VerifiableCredential is allowed)",
            "test-example-00-b-jws-payload-expanded-unknown-vc-types.json": vcTypeWarning,
            "test-example-00-a-fhirBundle-profile-usa.json":
                "the usa-covid19-immunization profile (9 × PROFILE_ERROR) is not implemented; the bundle is rejected on its FHIR_SCHEMA_ERROR findings only",
        ]
        for index in 0...16 {
            list["test-example-00-f-qr-code-numeric-value-\(index)-qr_chunk_too_small.txt"] =
                "dev-tools make QR_CHUNKING_DEPRECATED an error; SHCVerifier reads deprecated chunks with the warning SHC_QR_CHUNKING_DEPRECATED and does not report W INVALID_QR or W UNBALANCED_QR_CHUNKS"
        }
        return list
    }()
}
