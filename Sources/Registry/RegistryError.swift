import CodedErrors

/// An error from the registry's use cases, with a stable code. Messages never hold personal data.
public struct RegistryError: CodeIdentifiedError {
    /// Stable code of a registry error.
    public typealias Code = ErrorCode<RegistryError>

    /// The stable code.
    public let errorCode: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }
}

extension ErrorCode where Domain == RegistryError {
    /// The record is a test or recovery: the registry records vaccinations.
    public static let notAVaccination = Self("RECORD_NOT_A_VACCINATION")
    /// No certificate has the id.
    public static let certificateNotFound = Self("CERTIFICATE_NOT_FOUND")
    /// The certificate is revoked (revoking again, or verifying a payload of it).
    public static let revoked = Self("CERTIFICATE_REVOKED")
    /// The `Idempotency-Key` was used for a different request.
    public static let idempotencyKeyReused = Self("IDEMPOTENCY_KEY_REUSED")
    /// The stored issuer setup is incomplete (no CSCA or no active DSC).
    public static let keys = Self("ISSUER_KEYS_MISSING")
    /// Imported issuer keys are unreadable or do not belong together (``IssuerKeyImport``).
    public static let keyImport = Self("KEY_IMPORT_INVALID")
    /// Keys were to be imported into a store that already has an issuer with keys.
    public static let keyImportRefused = Self("KEY_IMPORT_REFUSED")
    /// The request asks for nothing to issue, or for a format twice.
    public static let formats = Self("FORMATS_INVALID")
}
