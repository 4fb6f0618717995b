import JSON
import JSONSchema
import Testing

func compileSchema(_ text: String, assertFormats: Bool = true) throws -> JSONSchema {
    try JSONSchema(JSONParser.parse(text), options: .init(assertFormats: assertFormats))
}

/// Validates and checks that `isValid` agrees with `validate`.
func violations(
    _ schema: JSONSchema, _ instance: String, sourceLocation: SourceLocation = #_sourceLocation
) throws -> [JSONSchemaViolation] {
    let value = try JSONParser.parse(instance)
    let found = schema.validate(value)
    #expect(schema.isValid(value) == found.isEmpty, "isValid disagrees with validate", sourceLocation: sourceLocation)
    return found
}

/// `(path, keyword)` of each violation.
func summary(_ schema: JSONSchema, _ instance: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
    try violations(schema, instance, sourceLocation: sourceLocation).map { "\($0.instancePath) \($0.keyword)" }
}

/// The code of the error compiling `text`, or `nil` if it compiles.
func compileErrorCode(_ text: String) -> String? {
    do {
        _ = try compileSchema(text)
        return nil
    } catch let error as JSONSchemaError {
        return error.code
    } catch {
        return "\(type(of: error))"
    }
}
