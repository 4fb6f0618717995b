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
            message: "expected a health certificate payload (HC1:, shc:/, a VDS-NC or SMART Health Card JSON "
                + "object, or a compact JWS), found text of none of these shapes")
    }
}
