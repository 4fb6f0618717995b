import JSON

/// A compiled JSON Schema validator for the subset used by the EU DCC schemas (draft 2020-12, and older
/// drafts' `definitions`, tuple `items` and boolean `exclusiveMinimum`).
///
/// Supported keywords: `type`, `enum`, `const`, `required`, `properties`, `additionalProperties`,
/// `minProperties`, `maxProperties`, `items`, `prefixItems`, `additionalItems`, `minItems`, `maxItems`,
/// `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `minLength`, `maxLength` (Unicode scalars),
/// `pattern` (ECMA-262, unanchored search), `format` (`date`, `date-time`, `time` per RFC 3339), `$ref`
/// (to `#`, `#/$defs/...`, `#/definitions/...` or any pointer into the document), `allOf`, `anyOf`, `oneOf`,
/// `not`, and boolean schemas. Annotations and unknown keywords are ignored; known keywords that are not
/// implemented (`if`, `patternProperties`, `uniqueItems`, ...) make compilation fail, so that nothing is
/// silently left unchecked. `$ref` siblings apply as in draft 2020-12.
///
/// The schema is compiled once (keywords checked, patterns compiled, references resolved); validation walks
/// the compiled tree and never fails for the schema's sake.
///
/// ```swift
/// let schema = try JSONSchema(JSONParser.parse(schemaBytes))
/// let violations = schema.validate(try JSONParser.parse(payload))
/// ```
public struct JSONSchema: Sendable {
    /// Compilation options.
    public struct Options: Sendable, Hashable {
        /// Whether `format` is asserted (`date`, `date-time`, `time`); when `false` it is an annotation only.
        public var assertFormats: Bool
        /// Most backtracking steps one `pattern` search may take; a search that needs more is reported as a
        /// `pattern` violation (it does not hang).
        public var patternStepBudget: Int

        /// Creates options.
        public init(assertFormats: Bool = true, patternStepBudget: Int = 200_000) {
            self.assertFormats = assertFormats
            self.patternStepBudget = patternStepBudget
        }
    }

    let program: SchemaProgram

    /// Compiles a schema.
    /// - Throws: ``JSONSchemaError`` (`SCHEMA_INVALID`, `SCHEMA_UNRESOLVED_REF`, `SCHEMA_INVALID_PATTERN`,
    ///   `SCHEMA_UNSUPPORTED_KEYWORD`).
    public init(_ schema: JSONValue, options: Options = .init()) throws {
        var compiler = SchemaCompiler(root: schema, options: options)
        let nodes = try compiler.compileDocument()
        program = SchemaProgram(nodes: nodes, options: options)
    }

    /// All violations of the schema by `instance`; empty when it is valid.
    ///
    /// Paths are JSON pointers into the instance; messages never contain instance values. Values nested more
    /// than 64 levels deep (the parser's default limit) are not descended into; they are reported with the
    /// keyword `depth`.
    public func validate(_ instance: JSONValue) -> [JSONSchemaViolation] {
        var validation = SchemaValidation(program: program, collecting: true)
        _ = validation.validate(0, instance, depth: 0)
        return validation.violations
    }

    /// Whether `instance` is valid; stops at the first violation and builds no messages.
    public func isValid(_ instance: JSONValue) -> Bool {
        var validation = SchemaValidation(program: program, collecting: false)
        return validation.validate(0, instance, depth: 0)
    }
}

/// The compiled nodes of a schema, shared by copies of a ``JSONSchema``.
final class SchemaProgram: Sendable {
    let nodes: [SchemaNode]
    let options: JSONSchema.Options

    init(nodes: [SchemaNode], options: JSONSchema.Options) {
        self.nodes = nodes
        self.options = options
    }
}
