import CodedErrors

/// An error from W3C Verifiable Credential issuing or verification, with a stable code.
///
/// Messages say what was expected and what was found; they never quote names, birth dates or payload bytes.
public struct W3CVCError: CodeIdentifiedError {
    /// Stable code of a W3C VC error.
    public typealias Code = ErrorCode<W3CVCError>

    /// The code as a value.
    public let errorCode: Code
    /// What was expected and what was found.
    public let message: String

    /// Creates an error; `message` must not contain personal data.
    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }
}

extension ErrorCode where Domain == W3CVCError {
    /// A JWS header `typ` that is not a VC media type (`vc+jwt`), or a payload that is not a VC.
    public static let notCredential = Self("VC_NOT_A_CREDENTIAL")
    /// A payload that is not a JSON object within the size and depth limits.
    public static let payloadJSON = Self("VC_PAYLOAD_JSON")
    /// An issuer that is missing, not a `did:web` DID or an https URL, or different from the JWT `iss`.
    public static let invalidIssuer = Self("VC_INVALID_ISSUER")
    /// A JWS header without `kid`.
    public static let missingKeyID = Self("MISSING_KID")
    /// No trusted key for the issuer and key id.
    public static let unknownKey = Self("UNKNOWN_KEY")
    /// The validation time is before `validFrom`, `nbf` or `iat`.
    public static let notYetValid = Self("NOT_YET_VALID")
    /// The validation time is after `validUntil` or `exp`.
    public static let expired = Self("EXPIRED")
    /// A time member that is not an RFC 3339 date-time with offset (or, for JWT claims, a number).
    public static let invalidTime = Self("VC_INVALID_TIME")
    /// The credential breaks the VC Data Model 2.0 or vaccination vocabulary structure.
    public static let schema = Self("VC_SCHEMA")
    /// A record that cannot be issued as a VC (not a vaccination, invalid record, bad issuer).
    public static let issuance = Self("VC_ISSUANCE")
    /// A verified credential that does not map into the canonical record.
    public static let notMapped = Self("VC_NOT_MAPPED")
}
