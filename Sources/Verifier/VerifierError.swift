import CodedErrors
import CredentialVerification

/// Errors of format detection, with stable codes.
public struct VerifierError: CodedError, Hashable {
    public let code: String
    public let message: String

    /// The payload matches no supported format.
    public static func unknownFormat() -> VerifierError {
        VerifierError(
            code: "UNKNOWN_FORMAT",
            message: "expected a health certificate payload (HC1:), found text with another or no prefix")
    }

    /// The format was recognised but this build cannot verify it yet.
    public static func unsupportedFormat(_ format: CredentialFormat) -> VerifierError {
        VerifierError(code: "UNSUPPORTED_FORMAT", message: "expected a supported format, found \(format.rawValue)")
    }
}
