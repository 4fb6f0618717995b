import CodedErrors

/// An error from the transparency log (Merkle tree, proofs, tree heads), with a stable code.
///
/// Messages name sizes and indices only, never leaf data.
public struct TransparencyLogError: CodeIdentifiedError {
    /// Stable code of a transparency-log error.
    public typealias Code = ErrorCode<TransparencyLogError>

    /// The stable code.
    public let errorCode: Code
    /// What was expected and what was found.
    public let message: String

    /// An error with a code and a message (sizes and indices only).
    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }
}

extension ErrorCode where Domain == TransparencyLogError {
    /// A leaf index is negative or not below the tree size it refers to.
    public static let indexOutOfRange = Self("LOG_INDEX_OUT_OF_RANGE")
    /// A tree size is negative, larger than the log, or (for consistency proofs) the old size exceeds the new one.
    public static let sizeInvalid = Self("LOG_SIZE_INVALID")
    /// Signing a tree head failed (the key could not produce a signature).
    public static let signingFailed = Self("LOG_SIGNING_FAILED")
}
