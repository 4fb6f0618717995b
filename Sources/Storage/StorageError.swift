import CodedErrors

/// An error from a ``PlatformStore``, with a stable code. Messages name tables, columns and constraints, never
/// stored values (which may be personal data).
public struct StorageError: CodeIdentifiedError {
    /// Stable code of a storage error.
    public typealias Code = ErrorCode<StorageError>

    /// The stable code.
    public let errorCode: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }
}

extension ErrorCode where Domain == StorageError {
    /// A unique value is taken (an id, a UVCI/HCID of a format, a token id, a site code): the message names which.
    public static let duplicate = Self("STORAGE_DUPLICATE")
    /// The row an operation refers to does not exist.
    public static let notFound = Self("STORAGE_NOT_FOUND")
    /// The operation contradicts the stored state (a certificate revoked twice, an idempotency key reused for
    /// another request).
    public static let conflict = Self("STORAGE_CONFLICT")
    /// A value breaks a rule of the schema (a CHECK or NOT NULL constraint: an empty reason, an unknown role).
    public static let invalidValue = Self("STORAGE_INVALID_VALUE")
    /// The database cannot be reached or refused the operation for a reason other than the data.
    public static let unavailable = Self("STORAGE_UNAVAILABLE")
    /// The schema could not be brought to this build's version.
    public static let migration = Self("STORAGE_MIGRATION")
    /// A stored value cannot be read back as the entity it should be (a corrupt or foreign row).
    public static let corrupt = Self("STORAGE_CORRUPT")
}
