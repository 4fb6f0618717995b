import CodedErrors

/// An error from SMART Health Card issuing or verification, with a stable code.
///
/// Messages say what was expected and what was found; they never quote personal data, payload bytes or keys.
public struct SHCError: CodedError, Hashable {
    /// Stable code of a SMART Health Card error.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code as text, for example `SHC_INVALID_NUMERIC_QR`.
        public let rawValue: String
        init(_ rawValue: String) { self.rawValue = rawValue }
        /// The code as text.
        public var description: String { rawValue }

        /// Input that is none of `shc:/…`, a compact JWS or a `.smart-health-card` file.
        public static let unrecognisedInput = Code("SHC_UNRECOGNISED_INPUT")
        /// Input larger than the verifier accepts.
        public static let tooLarge = Code("SHC_TOO_LARGE")
        /// Whitespace or a byte order mark around the text or the payload.
        public static let trailingCharacters = Code("SHC_TRAILING_CHARACTERS")
        /// A numeric QR text with a bad prefix or chunk header (`shc:/C/N/`): out of range, duplicate, inconsistent.
        public static let invalidQRHeader = Code("SHC_INVALID_QR_HEADER")
        /// Numeric QR digits that are not digits, an odd count, a pair above 77, or a chunk that is too long.
        public static let invalidNumericQR = Code("SHC_INVALID_NUMERIC_QR")
        /// A chunk of a multi-chunk card is missing.
        public static let missingQRChunk = Code("SHC_MISSING_QR_CHUNK")
        /// Multi-chunk QR input (deprecated since SMART Health Cards 1.3.0; read, with a warning).
        public static let chunkingDeprecated = Code("SHC_QR_CHUNKING_DEPRECATED")
        /// A `.smart-health-card` file that is not `{"verifiableCredential": ["<jws>", …]}`.
        public static let invalidFile = Code("SHC_INVALID_FILE")
        /// A JWS header without `zip: DEF` or without `kid`.
        public static let jwsHeader = Code("SHC_JWS_HEADER")
        /// A payload that is not raw DEFLATE (zlib-wrapped, uncompressed, corrupt, or too large once inflated).
        public static let inflation = Code("SHC_INFLATION")
        /// A payload that is not a JSON object.
        public static let payloadJSON = Code("SHC_PAYLOAD_JSON")
        /// The JWT claims or `vc` envelope break the SMART Health Cards schema.
        public static let schema = Code("SHC_SCHEMA")
        /// The FHIR Bundle breaks the structural rules (references, empty values, Immunization rules...).
        public static let fhirSchema = Code("SHC_FHIR_SCHEMA")
        /// `iss` is not an https URL without a trailing slash.
        public static let invalidIssuerURL = Code("SHC_INVALID_ISSUER_URL")
        /// No trusted key of the card's issuer has the card's `kid`.
        public static let unknownKey = Code("UNKNOWN_KEY")
        /// `nbf` is after the validation time (or written in milliseconds).
        public static let notYetValid = Code("NOT_YET_VALID")
        /// `exp` is before the validation time.
        public static let expired = Code("EXPIRED")
        /// `exp` is not after `nbf`.
        public static let invalidExpiration = Code("SHC_INVALID_EXPIRATION")
        /// The card's `rid` is listed in its key's revocation list.
        public static let revoked = Code("REVOKED")
        /// A revocation list or `rid` that breaks the rules (method, counter, rid alphabet and length, duplicates).
        public static let invalidRevocationList = Code("SHC_INVALID_REVOCATION")
        /// The key announces revocation (`crlVersion`) but no revocation list was supplied.
        public static let revocationListUnavailable = Code("SHC_REVOCATION_LIST_UNAVAILABLE")
        /// A JWS longer than one version-22 QR holds (1195 characters).
        public static let tooLargeForQR = Code("SHC_TOO_LARGE_FOR_QR")
        /// A code with no mapping between CVX and the record's code systems.
        public static let unmappedCode = Code("SHC_UNMAPPED_CODE")
        /// The record cannot be issued as a SMART Health Card.
        public static let issuance = Code("SHC_ISSUANCE")
        /// Part of the payload that the canonical record cannot hold.
        public static let notMapped = Code("SHC_NOT_MAPPED")
    }

    /// The stable code.
    public let errorCode: Code
    /// What was expected and what was found.
    public let message: String
    /// The stable code as text (``CodedError``).
    public var code: String { errorCode.rawValue }

    /// Creates an error; `message` must not contain personal data or payload bytes.
    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }

    public static func == (lhs: SHCError, rhs: SHCError) -> Bool { lhs.errorCode == rhs.errorCode }
    public func hash(into hasher: inout Hasher) { hasher.combine(errorCode) }
}
