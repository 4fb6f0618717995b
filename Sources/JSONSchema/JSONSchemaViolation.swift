/// One way an instance fails a schema.
///
/// The message names the rule ("expected at most 80 characters, found 93", "does not match pattern
/// ^[A-Z<]*$") but never the instance value: instances are certificate payloads with personal data.
public struct JSONSchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// JSON pointer (RFC 6901) to the failing value in the instance; `""` is the whole instance.
    public let instancePath: String
    /// The schema keyword that failed, for example `maxLength` or `oneOf`.
    public let keyword: String
    /// What the rule expected and, where it is not personal data (types, counts), what was found.
    public let message: String

    /// Creates a violation.
    public init(instancePath: String, keyword: String, message: String) {
        self.instancePath = instancePath
        self.keyword = keyword
        self.message = message
    }

    /// `path keyword: message`, with `/` for the whole instance.
    public var description: String { "\(instancePath.isEmpty ? "/" : instancePath) \(keyword): \(message)" }
}
