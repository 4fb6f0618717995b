import CodedErrors

/// An error of the EU DCC (HCERT) pipeline, with a stable code.
public struct EUDCCError: CodedError, Hashable {
    /// Stable code of an EU DCC error.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The text does not start with `HC1:`.
        public static let prefix = Code("HC1_PREFIX")
        /// The text is longer than any QR code can hold.
        public static let tooLarge = Code("HC1_TOO_LARGE")
        /// The CWT has no `hcert` (-260) claim holding an EU DCC (key 1).
        public static let missingHealthCertificate = Code("HC1_MISSING_HCERT")
        /// The DCC in the CWT is not representable as JSON (byte strings, non-text keys, undefined).
        public static let invalidPayload = Code("HC1_INVALID_PAYLOAD")
        /// No trusted certificate has the kid of the signature.
        public static let unknownKey = Code("UNKNOWN_KEY")
        /// The COSE message carries no kid.
        public static let missingKeyID = Code("MISSING_KID")
        /// The signer's Extended Key Usage does not allow this certificate type.
        public static let keyUsage = Code("KEY_USAGE_NOT_ALLOWED")
        /// The validation time is after `exp`.
        public static let expired = Code("EXPIRED")
        /// The validation time is before `iat` (or `nbf`).
        public static let notYetValid = Code("NOT_YET_VALID")
        /// `exp` or `iat` is missing.
        public static let missingTime = Code("CWT_MISSING_TIME")
        /// The DCC does not match the schema of its version.
        public static let schema = Code("SCHEMA_INVALID")
        /// The record cannot be issued as an EU DCC.
        public static let issuance = Code("HC1_ISSUANCE")
    }

    public let errorCode: Code
    public let message: String
    public var code: String { errorCode.rawValue }

    init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }

    public static func == (lhs: EUDCCError, rhs: EUDCCError) -> Bool { lhs.errorCode == rhs.errorCode }
    public func hash(into hasher: inout Hasher) { hasher.combine(errorCode) }
}
