import JSON
import JSONSchema
import Testing

/// Schemas that cannot be compiled, and why.
struct SchemaCompilationTests {
    @Test(arguments: [
        "3", #""string""#, "null", "[]",
        #"{"type": "strin"}"#, #"{"type": 3}"#, #"{"type": []}"#, #"{"type": ["string", 1]}"#,
        #"{"required": "a"}"#, #"{"required": ["a", 1]}"#,
        #"{"minLength": -1}"#, #"{"minLength": 1.5}"#, #"{"maxItems": "2"}"#,
        #"{"minimum": "1"}"#, #"{"maximum": null}"#, #"{"exclusiveMinimum": true}"#,
        #"{"properties": []}"#, #"{"properties": {"a": 1}}"#, #"{"additionalProperties": "no"}"#,
        #"{"items": 3}"#, #"{"prefixItems": {}}"#, #"{"allOf": []}"#, #"{"oneOf": {}}"#, #"{"not": []}"#,
        #"{"enum": "NL"}"#, #"{"pattern": 1}"#, #"{"format": 1}"#, #"{"$ref": 1}"#, #"{"$defs": []}"#,
        #"{"$defs": {"a": {"type": "x"}}}"#,
    ])
    func malformedKeywordsAreRejected(_ schema: String) {
        #expect(compileErrorCode(schema) == "SCHEMA_INVALID")
    }

    @Test(arguments: [
        ##"{"$ref": "#/$defs/missing"}"##,
        #"{"$ref": "https://id.uvci.eu/DCC.Core.Types.schema.json#/$defs/issuer"}"#,
        #"{"$ref": "other.json"}"#,
        ##"{"$ref": "#anchor"}"##,
        ##"{"$ref": "#/$defs/a~2"}"##,
        ##"{"$ref": "#/items/5", "items": [true]}"##,
        ##"{"$ref": "#/%zz"}"##,
        #"{"$id": "https://a.example/s.json", "$ref": "https://b.example/s.json#"}"#,
    ])
    func unresolvableReferencesAreRejected(_ schema: String) {
        #expect(compileErrorCode(schema) == "SCHEMA_UNRESOLVED_REF")
    }

    @Test(arguments: ["(", ")", "[a", "a{2,1}", "*a", "a**", "(a)\\\\1", "(?=a)", "(?!a)", "(?<=a)", "\\\\p{L}", "a{1001}",
        "\\\\q", "[z-a]", "\\\\", "^*"])
    func invalidPatternsAreRejected(_ pattern: String) {
        #expect(compileErrorCode(#"{"pattern": "\#(pattern)"}"#) == "SCHEMA_INVALID_PATTERN")
    }

    @Test(arguments: ["if", "then", "else", "patternProperties", "uniqueItems", "contains", "multipleOf",
        "dependentRequired", "propertyNames", "unevaluatedProperties"])
    func unsupportedAssertionsAreRejectedNotSkipped(_ keyword: String) {
        #expect(compileErrorCode(#"{"properties": {"a": {"\#(keyword)": {}}}}"#) == "SCHEMA_UNSUPPORTED_KEYWORD")
    }

    @Test func annotationsAndUnknownKeywordsAreIgnored() throws {
        let schema = try compileSchema(#"""
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "x", "title": "t", "description": "d",
             "examples": [1], "$comment": "c", "valueset-uri": "valuesets/x.json", "x-custom": {"type": "nonsense"},
             "default": 3, "readOnly": true, "deprecated": false, "$anchor": "a", "contentMediaType": "text/plain"}
            """#)
        #expect(schema.isValid(.string("anything")))
    }

    @Test(arguments: [
        ##"{"$ref": "#"}"##,
        ##"{"allOf": [{"$ref": "#"}]}"##,
        ##"{"$ref": "#/$defs/a", "$defs": {"a": {"anyOf": [{"$ref": "#/$defs/b"}]}, "b": {"not": {"$ref": "#/$defs/a"}}}}"##,
    ])
    func referenceLoopsWithoutDescentAreRejected(_ schema: String) {
        #expect(compileErrorCode(schema) == "SCHEMA_INVALID")
    }

    @Test func recursionThroughPropertiesIsFine() throws {
        let schema = try compileSchema(##"{"properties": {"child": {"$ref": "#"}}, "required": ["id"]}"##)
        #expect(schema.isValid(try JSONParser.parse(#"{"id": 1, "child": {"id": 2, "child": {"id": 3}}}"#)))
        #expect(!schema.isValid(try JSONParser.parse(#"{"id": 1, "child": {"child": {"id": 3}}}"#)))
    }

    @Test func errorsNameTheSchemaLocation() {
        do {
            _ = try compileSchema(#"{"properties": {"nam": {"properties": {"fnt": {"maxLength": "80"}}}}}"#)
            Issue.record("expected an error")
        } catch let error as JSONSchemaError {
            #expect(error.message == "keyword maxLength at #/properties/nam/properties/fnt must be a non-negative integer")
        } catch {
            Issue.record("unexpected \(error)")
        }
        do {
            _ = try compileSchema(#"{"$defs": {"x": {"pattern": "(a"}}}"#)
            Issue.record("expected an error")
        } catch let error as JSONSchemaError {
            #expect(error.code == "SCHEMA_INVALID_PATTERN")
            #expect(error.message.contains("(a"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func tooDeeplyNestedSchemaIsRejected() throws {
        var schema = JSONValue.bool(true)
        for _ in 0..<70 { schema = .object(["items": schema]) }
        #expect(throws: JSONSchemaError(.invalid, "")) { try JSONSchema(schema) }
    }

    @Test func unusedDefinitionsAreCheckedToo() {
        #expect(compileErrorCode(#"{"definitions": {"unused": {"pattern": "[b-a]"}}}"#) == "SCHEMA_INVALID_PATTERN")
    }

    @Test func schemaCopiesShareTheCompiledProgram() async throws {
        let schema = try compileSchema(#"{"type": "object", "required": ["ver"]}"#)
        let value = try JSONParser.parse(#"{"ver": "1.3.0"}"#)
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 { group.addTask { schema.isValid(value) } }
            var all: [Bool] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results == Array(repeating: true, count: 8))
    }
}
