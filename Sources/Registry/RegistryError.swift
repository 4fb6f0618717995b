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
    /// The certificate is suspended (until a time that has not come).
    public static let suspended = Self("CERTIFICATE_SUSPENDED")
    /// A suspension request with an end not in the future, or without a usable reason.
    public static let suspensionInvalid = Self("SUSPENSION_INVALID")
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
    /// A device registration is invalid (id, kind, key, profile or location).
    public static let deviceInvalid = Self("DEVICE_INVALID")
    /// No device has the id.
    public static let deviceNotFound = Self("DEVICE_NOT_FOUND")
    /// A GTIN or lot number is invalid (a GTIN is 14 digits with a valid check digit; a lot 1 to 20 characters).
    public static let lotInvalid = Self("LOT_INVALID")
    /// The vaccination names a lot whose cold chain was broken (an alarm on a device that watched it).
    public static let lotCompromised = Self("LOT_COMPROMISED")
    /// The vaccination names a lot past its expiry date.
    public static let lotExpired = Self("LOT_EXPIRED")
    /// The vaccination names a recalled lot.
    public static let lotRecalled = Self("LOT_RECALLED")
    /// An override of a lot's status was asked for by a principal that is not an admin, or without a reason.
    public static let lotOverrideForbidden = Self("LOT_OVERRIDE_FORBIDDEN")
    /// No document signer of the issuer has the kid.
    public static let keyNotFound = Self("KEY_NOT_FOUND")
    /// The key is marked compromised already.
    public static let keyCompromised = Self("KEY_COMPROMISED")
    /// A compromise request without a usable reason.
    public static let keyCompromiseInvalid = Self("KEY_COMPROMISE_INVALID")
}
