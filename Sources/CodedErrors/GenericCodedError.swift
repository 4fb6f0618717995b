/// A ``CodedError`` for places that only need a code and a message.
///
/// Modules prefer their own error struct with named factories; this type is
/// used where errors from several layers are collected into one list (for
/// example the `errors` array of a verification result).
public struct GenericCodedError: CodedError, Hashable {
    public let code: String
    public let message: String

    /// Creates an error with a stable code and a message without personal data.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// Wraps any error: a ``CodedError`` keeps its code, anything else becomes `INTERNAL_ERROR`
    /// with its type name only (its description could carry payload data).
    public init(_ error: any Error) {
        if let coded = error as? any CodedError {
            self.init(code: coded.code, message: coded.message)
        } else {
            self.init(code: "INTERNAL_ERROR", message: "unexpected \(type(of: error))")
        }
    }
}
