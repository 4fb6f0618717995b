/// A stable error code that belongs to one module's error type, `Domain`.
///
/// Each module declares its codes as static members of `ErrorCode<ItsError>`, so that `COSEError(.malformed, ...)`
/// reads well and a code of one module cannot be passed to another module's error:
///
/// ```swift
/// extension ErrorCode where Domain == COSEError {
///     /// The bytes are not a COSE_Sign1 structure.
///     public static let malformed = Self("COSE_MALFORMED")
/// }
/// ```
public struct ErrorCode<Domain>: Hashable, Sendable, CustomStringConvertible {
    /// The stable `SNAKE_CASE` string.
    public let rawValue: String

    /// A code with its stable `SNAKE_CASE` string.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// The stable `SNAKE_CASE` string.
    public var description: String { rawValue }
}

/// A ``CodedError`` whose identity is its ``errorCode``: ``CodedError/code`` is the code's string, and two errors
/// are equal when their codes are (messages may differ in detail).
public protocol CodeIdentifiedError: CodedError, Hashable {
    /// The module's error type the codes belong to (usually `Self`).
    associatedtype Domain
    /// The stable code.
    var errorCode: ErrorCode<Domain> { get }
}

extension CodeIdentifiedError {
    /// The stable code as a string, for example `COSE_MALFORMED`.
    public var code: String { errorCode.rawValue }

    /// Errors are equal when their codes are.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.errorCode == rhs.errorCode }

    /// Hashes the code only, consistently with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(errorCode) }
}
