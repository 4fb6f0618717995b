import CodedErrors

/// An error from issuing in a credential format, with a stable code.
public struct IssuanceError: CodeIdentifiedError {
    /// Stable code of an issuance error.
    public typealias Code = ErrorCode<IssuanceError>

    /// The stable code.
    public let errorCode: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }
}

extension ErrorCode where Domain == IssuanceError {
    /// A format needs a setting the signer lacks (the issuer URL of SMART Health Cards and W3C VC).
    public static let missingSetting = Self("ISSUANCE_MISSING_SETTING")
    /// The master key is missing, malformed, or does not open a sealed value.
    public static let masterKey = Self("MASTER_KEY_INVALID")
    /// A sealed value is damaged or was sealed for another purpose.
    public static let sealedValue = Self("SEALED_VALUE_INVALID")
    /// An API token is malformed.
    public static let token = Self("TOKEN_MALFORMED")
}
