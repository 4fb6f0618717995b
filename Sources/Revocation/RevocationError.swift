import CodedErrors

/// An error from building, decoding or updating a revocation snapshot, with a stable code.
///
/// Messages name what was expected and what was found (offsets, counts, versions); they never contain hash
/// bytes or the identifiers that were hashed.
public struct RevocationError: CodeIdentifiedError {
    /// Stable code of a revocation error.
    public typealias Code = ErrorCode<RevocationError>

    /// The stable code.
    public let errorCode: Code
    /// What was expected and what was found.
    public let message: String

    /// An error with a code and a message without personal data.
    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }
}

extension ErrorCode where Domain == RevocationError {
    /// The bytes are not a valid encoding: wrong magic, unknown hash type, records out of order or repeated,
    /// a bad suspension table, trailing bytes, or a delta whose added and removed keys overlap.
    public static let malformed = Self("REVOCATION_MALFORMED")
    /// The bytes end before the structure they announce is complete.
    public static let truncated = Self("REVOCATION_TRUNCATED")
    /// The encoding declares a format version this implementation does not read.
    public static let unsupportedFormat = Self("REVOCATION_UNSUPPORTED_FORMAT")
    /// A delta does not start at the snapshot's version, or does not move it forward.
    public static let versionMismatch = Self("REVOCATION_VERSION_MISMATCH")
    /// A delta removes a key the snapshot does not hold, or adds and removes the same key.
    public static let deltaConflict = Self("REVOCATION_DELTA_CONFLICT")
    /// The encoding announces more entries than the decoding limits allow.
    public static let limitExceeded = Self("REVOCATION_LIMIT")
    /// A verifier found one of the credential's keys revoked for good.
    public static let revoked = Self("CREDENTIAL_REVOKED")
    /// A verifier found one of the credential's keys suspended (until a time that has not come yet).
    public static let suspended = Self("CREDENTIAL_SUSPENDED")
    /// A warning: the snapshot is past its next-update time (it is still used).
    public static let stale = Self("STALE_REVOCATION_DATA")
    /// A signed snapshot or delta whose signature does not verify, or whose signer is not trusted.
    public static let signatureInvalid = Self("REVOCATION_SIGNATURE_INVALID")
}
