import CodedErrors

/// An error of the EU DCC (HCERT) pipeline, with a stable code.
public struct EUDCCError: CodeIdentifiedError {
    /// Stable code of an EU DCC error.
    public typealias Code = ErrorCode<EUDCCError>

    public let errorCode: Code
    public let message: String

    init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }
}

extension ErrorCode where Domain == EUDCCError {
    /// The text does not start with `HC1:`.
    public static let prefix = Self("HC1_PREFIX")
    /// The text is longer than any QR code can hold.
    public static let tooLarge = Self("HC1_TOO_LARGE")
    /// The CWT has no `hcert` (-260) claim holding an EU DCC (key 1).
    public static let missingHealthCertificate = Self("HC1_MISSING_HCERT")
    /// The DCC in the CWT is not representable as JSON (byte strings, non-text keys, undefined).
    public static let invalidPayload = Self("HC1_INVALID_PAYLOAD")
    /// No trusted certificate has the kid of the signature.
    public static let unknownKey = Self("UNKNOWN_KEY")
    /// The COSE message carries no kid.
    public static let missingKeyID = Self("MISSING_KID")
    /// The signer's Extended Key Usage does not allow this certificate type.
    public static let keyUsage = Self("KEY_USAGE_NOT_ALLOWED")
    /// The validation time is after `exp`.
    public static let expired = Self("EXPIRED")
    /// The validation time is before `iat` (or `nbf`).
    public static let notYetValid = Self("NOT_YET_VALID")
    /// `exp` or `iat` is missing.
    public static let missingTime = Self("CWT_MISSING_TIME")
    /// The DCC does not match the schema of its version.
    public static let schema = Self("SCHEMA_INVALID")
    /// The record cannot be issued as an EU DCC.
    public static let issuance = Self("HC1_ISSUANCE")
}
