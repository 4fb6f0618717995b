import CodedErrors

/// An error compiling a JSON Schema (the schema itself is unusable), with a stable code.
///
/// Messages name the JSON pointer of the offending schema location and what was expected there.
public struct JSONSchemaError: CodedError, Hashable {
    /// Stable code of a schema error.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code as a string, for example `SCHEMA_INVALID`.
        public let rawValue: String
        init(_ rawValue: String) { self.rawValue = rawValue }
        /// The raw value.
        public var description: String { rawValue }

        /// A keyword has a value of the wrong shape, a subschema is not an object or boolean, or `$ref`s form a
        /// loop that never descends into the instance.
        public static let invalid = Code("SCHEMA_INVALID")
        /// A `$ref` does not point to a location inside the schema document.
        public static let unresolvedRef = Code("SCHEMA_UNRESOLVED_REF")
        /// A `pattern` is not valid ECMA-262 syntax or uses an unsupported feature (backreferences, lookaround).
        public static let invalidPattern = Code("SCHEMA_INVALID_PATTERN")
        /// An assertion or applicator keyword this validator does not implement (for example `if`,
        /// `patternProperties`, `uniqueItems`): refused rather than silently skipped.
        public static let unsupportedKeyword = Code("SCHEMA_UNSUPPORTED_KEYWORD")
    }

    /// The stable code.
    public let errorCode: Code
    /// What was expected and what was found (never document content).
    public let message: String
    /// The stable code as a string (``CodedError`` requirement).
    public var code: String { errorCode.rawValue }

    /// Creates an error; the message must not quote the input.
    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }

    /// Errors are equal when their codes are.
    public static func == (lhs: JSONSchemaError, rhs: JSONSchemaError) -> Bool { lhs.errorCode == rhs.errorCode }
    /// Hashes the code only.
    public func hash(into hasher: inout Hasher) { hasher.combine(errorCode) }
}
