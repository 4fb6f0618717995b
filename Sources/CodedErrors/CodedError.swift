/// An error with a stable, machine-readable code.
///
/// Every OpenDVC module has one error struct that conforms to this protocol
/// (`CBORError`, `Base45Error`, `COSEError`, ...). The ``code`` is a stable
/// `SNAKE_CASE` string that scripts and API clients can rely on; the ``message``
/// says what was expected and what was found.
///
/// Neither may contain personal data, payload bytes, tokens or key material:
/// errors end up in logs, metrics and HTTP responses.
public protocol CodedError: Error, CustomStringConvertible, Sendable {
    /// Stable `SNAKE_CASE` code, for example `CBOR_TRUNCATED`.
    var code: String { get }
    /// Human-readable explanation: what was expected and what was found.
    var message: String { get }
}

extension CodedError {
    public var description: String { "\(code): \(message)" }
}
