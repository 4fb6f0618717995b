import CodedErrors

/// An error from SMART Health Card issuing or verification, with a stable code.
///
/// Messages say what was expected and what was found; they never quote personal data, payload bytes or keys.
public struct SHCError: CodeIdentifiedError {
    /// Stable code of a SMART Health Card error.
    public typealias Code = ErrorCode<SHCError>

    /// The stable code.
    public let errorCode: Code
    /// What was expected and what was found.
    public let message: String

    /// Creates an error; `message` must not contain personal data or payload bytes.
    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }
}

extension ErrorCode where Domain == SHCError {
    /// Input that is none of `shc:/…`, a compact JWS or a `.smart-health-card` file.
    public static let unrecognisedInput = Self("SHC_UNRECOGNISED_INPUT")
    /// Input larger than the verifier accepts.
    public static let tooLarge = Self("SHC_TOO_LARGE")
    /// Whitespace or a byte order mark around the text or the payload.
    public static let trailingCharacters = Self("SHC_TRAILING_CHARACTERS")
    /// A numeric QR text with a bad prefix or chunk header (`shc:/C/N/`): out of range, duplicate, inconsistent.
    public static let invalidQRHeader = Self("SHC_INVALID_QR_HEADER")
    /// Numeric QR digits that are not digits, an odd count, a pair above 77, or a chunk that is too long.
    public static let invalidNumericQR = Self("SHC_INVALID_NUMERIC_QR")
    /// A chunk of a multi-chunk card is missing.
    public static let missingQRChunk = Self("SHC_MISSING_QR_CHUNK")
    /// Multi-chunk QR input (deprecated since SMART Health Cards 1.3.0; read, with a warning).
    public static let chunkingDeprecated = Self("SHC_QR_CHUNKING_DEPRECATED")
    /// A `.smart-health-card` file that is not `{"verifiableCredential": ["<jws>", …]}`.
    public static let invalidFile = Self("SHC_INVALID_FILE")
    /// A JWS header without `zip: DEF` or without `kid`.
    public static let jwsHeader = Self("SHC_JWS_HEADER")
    /// A payload that is not raw DEFLATE (zlib-wrapped, uncompressed, corrupt, or too large once inflated).
    public static let inflation = Self("SHC_INFLATION")
    /// A payload that is not a JSON object.
    public static let payloadJSON = Self("SHC_PAYLOAD_JSON")
    /// The JWT claims or `vc` envelope break the SMART Health Cards schema.
    public static let schema = Self("SHC_SCHEMA")
    /// The FHIR Bundle breaks the structural rules (references, empty values, Immunization rules...).
    public static let fhirSchema = Self("SHC_FHIR_SCHEMA")
    /// `iss` is not an https URL without a trailing slash.
    public static let invalidIssuerURL = Self("SHC_INVALID_ISSUER_URL")
    /// No trusted key of the card's issuer has the card's `kid`.
    public static let unknownKey = Self("UNKNOWN_KEY")
    /// `nbf` is after the validation time (or written in milliseconds).
    public static let notYetValid = Self("NOT_YET_VALID")
    /// `exp` is before the validation time.
    public static let expired = Self("EXPIRED")
    /// `exp` is not after `nbf`.
    public static let invalidExpiration = Self("SHC_INVALID_EXPIRATION")
    /// The card's `rid` is listed in its key's revocation list.
    public static let revoked = Self("REVOKED")
    /// A revocation list or `rid` that breaks the rules (method, counter, rid alphabet and length, duplicates).
    public static let invalidRevocationList = Self("SHC_INVALID_REVOCATION")
    /// The key announces revocation (`crlVersion`) but no revocation list was supplied.
    public static let revocationListUnavailable = Self("SHC_REVOCATION_LIST_UNAVAILABLE")
    /// A JWS longer than one version-22 QR holds (1195 characters).
    public static let tooLargeForQR = Self("SHC_TOO_LARGE_FOR_QR")
    /// A code with no mapping between CVX and the record's code systems.
    public static let unmappedCode = Self("SHC_UNMAPPED_CODE")
    /// The record cannot be issued as a SMART Health Card.
    public static let issuance = Self("SHC_ISSUANCE")
    /// Part of the payload that the canonical record cannot hold.
    public static let notMapped = Self("SHC_NOT_MAPPED")
}
