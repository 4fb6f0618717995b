import JSON
import JSONSchema
import Testing

/// Member names are matched byte for byte (packed into words when short): names longer than the packed
/// width, names differing only in the last byte, and canonically equivalent but differently encoded names.
@Suite("Property name matching")
struct PropertyNameMatchingTests {
    @Test func longAndShortNamesAreMatchedExactly() throws {
        let schema = try compileSchema(#"""
            {"type": "object",
             "required": ["a_name_that_is_longer_than_sixteen_bytes", "abcdefghijklmnop"],
             "properties": {
               "a_name_that_is_longer_than_sixteen_bytes": {"type": "integer"},
               "a_name_that_is_longer_than_sixteen_bytez": {"type": "string"},
               "abcdefghijklmnop": {"type": "integer"},
               "abcdefghijklmnoq": {"type": "string"}},
             "additionalProperties": false}
            """#)
        #expect(try summary(schema, #"{"a_name_that_is_longer_than_sixteen_bytes": 1, "abcdefghijklmnop": 2}"#) == [])
        #expect(try summary(schema, #"{"a_name_that_is_longer_than_sixteen_bytes": "x", "abcdefghijklmnop": 2}"#)
            == ["/a_name_that_is_longer_than_sixteen_bytes type"])
        #expect(try summary(schema, #"{"a_name_that_is_longer_than_sixteen_bytes": 1, "abcdefghijklmnop": 2, "abcdefghijklmnoq": 3}"#)
            == ["/abcdefghijklmnoq type"])
        #expect(try summary(schema, #"{"abcdefghijklmnop": 2}"#) == [" required"])
        #expect(try summary(schema, #"{"a_name_that_is_longer_than_sixteen_bytes": 1, "abcdefghijklmnop": 2, "x": 0}"#)
            == ["/x additionalProperties"])
    }

    @Test func namesAreComparedByTheirBytesNotByCanonicalEquivalence() throws {
        // "é" precomposed (U+00E9) and decomposed (e + U+0301) are different JSON strings.
        let schema = try compileSchema(#"{"required": ["\u00e9"], "properties": {"\u00e9": {"type": "integer"}}}"#)
        #expect(try summary(schema, #"{"\u00e9": 1}"#) == [])
        #expect(try summary(schema, #"{"e\u0301": "not checked"}"#) == [" required"])
    }
}
