import CodedErrors

/// An error compiling a JSON Schema (the schema itself is unusable), with a stable code.
///
/// Messages name the JSON pointer of the offending schema location and what was expected there.
public struct JSONSchemaError: CodeIdentifiedError {
    /// Stable code of a schema error.
    public typealias Code = ErrorCode<JSONSchemaError>

    /// The stable code.
    public let errorCode: Code
    /// What was expected and what was found (never document content).
    public let message: String

    /// Creates an error; the message must not quote the input.
    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }
}

extension ErrorCode where Domain == JSONSchemaError {
    /// A keyword has a value of the wrong shape, a subschema is not an object or boolean, or `$ref`s form a
    /// loop that never descends into the instance.
    public static let invalid = Self("SCHEMA_INVALID")
    /// A `$ref` does not point to a location inside the schema document.
    public static let unresolvedRef = Self("SCHEMA_UNRESOLVED_REF")
    /// A `pattern` is not valid ECMA-262 syntax or uses an unsupported feature (backreferences, lookaround).
    public static let invalidPattern = Self("SCHEMA_INVALID_PATTERN")
    /// An assertion or applicator keyword this validator does not implement (for example `if`,
    /// `patternProperties`, `uniqueItems`): refused rather than silently skipped.
    public static let unsupportedKeyword = Self("SCHEMA_UNSUPPORTED_KEYWORD")
}
