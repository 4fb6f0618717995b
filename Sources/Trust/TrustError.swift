import CodedErrors

/// An error from loading, storing or generating trust material, with a stable code.
///
/// Messages name what was expected and what was found (sizes, labels, positions), never key material,
/// certificate bytes or file contents.
public struct TrustError: CodeIdentifiedError {
    /// Stable code of a trust error.
    public typealias Code = ErrorCode<TrustError>

    /// The stable code.
    public let errorCode: Code
    /// What was expected and what was found.
    public let message: String

    /// Creates an error with a code and a message that holds no key material or personal data.
    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }

    /// The same error with `context` put in front of its message (for example "certificate 2 of 5").
    func prefixed(_ context: String) -> TrustError {
        TrustError(errorCode, "\(context): \(message)")
    }
}

extension ErrorCode where Domain == TrustError {
    /// The bytes are not an X.509 certificate that can be read, even leniently.
    public static let invalidCertificate = Self("TRUST_INVALID_CERTIFICATE")
    /// The key is of a type or curve that is not supported (for example P-521 or Ed25519, or RSA where P-256
    /// is needed).
    public static let unsupportedKey = Self("TRUST_UNSUPPORTED_KEY")
    /// The key encoding (PKCS#8 or SEC1) is malformed.
    public static let invalidKey = Self("TRUST_INVALID_KEY")
    /// PEM text is malformed: unterminated block, bad base64, or an unexpected block label.
    public static let invalidPEM = Self("TRUST_INVALID_PEM")
    /// The input is neither PEM, DER nor a base64 line.
    public static let unrecognizedFormat = Self("TRUST_UNRECOGNIZED_FORMAT")
    /// The input is larger than the limit for its kind.
    public static let inputTooLarge = Self("TRUST_INPUT_TOO_LARGE")
    /// A caller-supplied parameter (country, organization, validity, types) is out of range.
    public static let invalidParameter = Self("TRUST_INVALID_PARAMETER")
    /// Creating a key or certificate failed.
    public static let generationFailed = Self("TRUST_GENERATION_FAILED")
    /// A file that would be written already exists and overwriting was not requested.
    public static let fileExists = Self("TRUST_FILE_EXISTS")
    /// Reading or writing a file failed.
    public static let io = Self("TRUST_IO")
}
