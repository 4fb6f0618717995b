import JSON
import JSONSchema
import Testing

/// One test per keyword, through the public API.
struct SchemaKeywordTests {
    @Test func type() throws {
        let string = try compileSchema(#"{"type": "string"}"#)
        #expect(try summary(string, #""x""#) == [])
        #expect(try violations(string, "12").map(\.message) == ["expected string, found integer"])
        let several = try compileSchema(#"{"type": ["string", "null"]}"#)
        #expect(try summary(several, "null") == [])
        #expect(try violations(several, "1.5").map(\.message) == ["expected one of null, string; found number"])
        let integer = try compileSchema(#"{"type": "integer"}"#)
        #expect(try summary(integer, "7") == [])
        #expect(try summary(integer, "7.0") == [])
        #expect(try summary(integer, "7.5") == [" type"])
        #expect(try summary(integer, #""7""#) == [" type"])
        let number = try compileSchema(#"{"type": "number"}"#)
        #expect(try summary(number, "7") == [])
        #expect(try summary(number, "-7.25e3") == [])
        #expect(try summary(number, "true") == [" type"])
        let others = try compileSchema(#"{"type": ["boolean", "object", "array"]}"#)
        #expect(try summary(others, "false") == [])
        #expect(try summary(others, "{}") == [])
        #expect(try summary(others, "[]") == [])
        #expect(try summary(others, "null") == [" type"])
    }

    @Test func enumAndConst() throws {
        let enumeration = try compileSchema(#"{"enum": ["NL", 1, {"a": [1, 2]}, null]}"#)
        #expect(try summary(enumeration, #""NL""#) == [])
        #expect(try summary(enumeration, "1.0") == [])
        #expect(try summary(enumeration, #"{"a": [1, 2.0]}"#) == [])
        #expect(try summary(enumeration, "null") == [])
        #expect(try violations(enumeration, #""DE""#).map(\.message) == ["expected one of 4 allowed values"])
        #expect(try summary(enumeration, #"{"a": [2, 1]}"#) == [" enum"])
        let constant = try compileSchema(#"{"const": {"x": 1, "y": "z"}}"#)
        #expect(try summary(constant, #"{"y": "z", "x": 1}"#) == [])
        #expect(try summary(constant, #"{"x": 1}"#) == [" const"])
    }

    @Test func requiredPropertiesAndAdditionalProperties() throws {
        let schema = try compileSchema(#"""
            {"type": "object", "required": ["fnt", "dob"],
             "properties": {"fnt": {"type": "string"}, "dob": {"type": "string"}},
             "additionalProperties": false}
            """#)
        #expect(try summary(schema, #"{"fnt": "A", "dob": "1964"}"#) == [])
        #expect(try violations(schema, #"{"fnt": "A"}"#).map(\.message) == [#"missing required property "dob""#])
        #expect(try summary(schema, "{}") == [" required", " required"])
        #expect(try summary(schema, #"{"fnt": 1, "dob": "1964", "x": 1, "a/b~": 2}"#)
            == ["/fnt type", "/x additionalProperties", "/a~1b~0 additionalProperties"])
        let typed = try compileSchema(#"{"properties": {"a": true}, "additionalProperties": {"type": "integer"}}"#)
        #expect(try summary(typed, #"{"a": "x", "b": 1, "c": "2"}"#) == ["/c type"])
        let counted = try compileSchema(#"{"minProperties": 1, "maxProperties": 2}"#)
        #expect(try summary(counted, "{}") == [" minProperties"])
        #expect(try summary(counted, #"{"a": 1, "b": 2, "c": 3}"#) == [" maxProperties"])
        #expect(try summary(counted, "[]") == [])
    }

    @Test func manyPropertiesUseTheIndexedLookup() throws {
        var properties: [String] = []
        for index in 0..<20 { properties.append(#""p\#(index)": {"type": "integer"}"#) }
        let schema = try compileSchema(#"{"properties": {\#(properties.joined(separator: ","))}, "additionalProperties": false}"#)
        #expect(try summary(schema, #"{"p0": 1, "p19": 2, "p7": 3}"#) == [])
        #expect(try summary(schema, #"{"p0": 1, "p19": "x", "p20": 3}"#) == ["/p19 type", "/p20 additionalProperties"])
    }

    @Test func itemsAndCounts() throws {
        let schema = try compileSchema(#"{"type": "array", "items": {"type": "integer", "minimum": 1}, "minItems": 1, "maxItems": 2}"#)
        #expect(try summary(schema, "[1, 2]") == [])
        #expect(try violations(schema, "[]").map(\.message) == ["expected at least 1 items, found 0"])
        #expect(try violations(schema, "[1, 2, 3]").map(\.message) == ["expected at most 2 items, found 3"])
        #expect(try summary(schema, #"[1, "x"]"#) == ["/1 type"])
        #expect(try summary(schema, "[0, 1, 0]") == [" maxItems", "/0 minimum", "/2 minimum"])
        let prefix = try compileSchema(#"{"prefixItems": [{"type": "string"}, {"type": "integer"}], "items": false}"#)
        #expect(try summary(prefix, #"["a", 1]"#) == [])
        #expect(try summary(prefix, #"["a"]"#) == [])
        #expect(try summary(prefix, #"[1, "a", null]"#) == ["/0 type", "/1 type", "/2 false"])
        // Draft 2019-09 and older: items as an array is a tuple, additionalItems covers the rest.
        let tuple = try compileSchema(#"{"items": [{"type": "string"}], "additionalItems": {"type": "integer"}}"#)
        #expect(try summary(tuple, #"["a", 1, 2]"#) == [])
        #expect(try summary(tuple, #"["a", 1, "b"]"#) == ["/2 type"])
    }

    @Test func numericBounds() throws {
        let schema = try compileSchema(#"{"minimum": 1, "maximum": 9}"#)
        #expect(try summary(schema, "1") == [])
        #expect(try summary(schema, "9.0") == [])
        #expect(try violations(schema, "0").map(\.message) == ["expected a number >= 1"])
        #expect(try violations(schema, "9.5").map(\.message) == ["expected a number <= 9"])
        #expect(try summary(schema, #""100""#) == [])
        let exclusive = try compileSchema(#"{"exclusiveMinimum": 0, "exclusiveMaximum": 1.5}"#)
        #expect(try summary(exclusive, "0.5") == [])
        #expect(try summary(exclusive, "0") == [" exclusiveMinimum"])
        #expect(try violations(exclusive, "1.5").map(\.message) == ["expected a number < 1.5"])
        let draft4 = try compileSchema(#"{"minimum": 1, "exclusiveMinimum": true, "maximum": 2, "exclusiveMaximum": false}"#)
        #expect(try summary(draft4, "1") == [" minimum"])
        #expect(try summary(draft4, "2") == [])
        // Exact comparison of large integers with doubles.
        let large = try compileSchema(#"{"maximum": 9007199254740992}"#)
        #expect(try summary(large, "9007199254740993") == [" maximum"])
        #expect(try summary(large, "9007199254740992.0") == [])
        let fractional = try compileSchema(#"{"minimum": 0.5}"#)
        #expect(try summary(fractional, "1") == [])
        #expect(try summary(fractional, "0") == [" minimum"])
    }

    @Test func stringLengthCountsUnicodeScalars() throws {
        let schema = try compileSchema(#"{"minLength": 2, "maxLength": 6}"#)
        #expect(try summary(schema, #""Jiřina""#) == [])
        #expect(try summary(schema, #""😀😀😀😀😀😀""#) == [])
        #expect(try summary(schema, #""d'Červ""#) == [])
        #expect(try violations(schema, #""Jiřinka""#).map(\.message) == ["expected at most 6 characters, found 7"])
        #expect(try violations(schema, #""😀""#).map(\.message) == ["expected at least 2 characters, found 1"])
        // A combining accent is a scalar of its own.
        #expect(try summary(schema, "\"e\u{301}e\u{301}e\u{301}e\u{301}\"") == [" maxLength"])
        let issuer = try compileSchema(#"{"maxLength": 80}"#)
        let long = String(repeating: "Č", count: 93)
        #expect(try violations(issuer, "\"\(long)\"").map(\.message) == ["expected at most 80 characters, found 93"])
        #expect(try summary(issuer, "\"\(String(repeating: "Č", count: 80))\"") == [])
        #expect(try summary(issuer, "42") == [])
    }

    @Test func patternsSearchUnlessAnchored() throws {
        let unanchored = try compileSchema(#"{"pattern": "[A-Z]{1,10}"}"#)
        #expect(try summary(unanchored, #""NL""#) == [])
        #expect(try summary(unanchored, #""xxNLxx""#) == [])
        #expect(try summary(unanchored, #""nl""#) == [" pattern"])
        let anchored = try compileSchema(#"{"pattern": "^[A-Z<]*$"}"#)
        #expect(try summary(anchored, #""SMITH<JONES""#) == [])
        #expect(try summary(anchored, #""""#) == [])
        #expect(try violations(anchored, #""Smith""#).map(\.message) == ["does not match pattern ^[A-Z<]*$"])
        #expect(try summary(anchored, "5") == [])
    }

    @Test func runawayPatternsAreCutOffByTheStepBudget() throws {
        let schema = try JSONSchema(JSONParser.parse(#"{"pattern": "^(a+)+$"}"#), options: .init(patternStepBudget: 50_000))
        let found = try violations(schema, "\"\(String(repeating: "a", count: 40))!\"")
        #expect(found.map(\.keyword) == ["pattern"])
        #expect(found.first?.message == "matching pattern ^(a+)+$ took more than 50000 steps; treated as not matching")
        #expect(try summary(schema, "\"\(String(repeating: "a", count: 40))\"") == [])
    }

    @Test func formats() throws {
        let date = try compileSchema(#"{"format": "date"}"#)
        for valid in ["2021-06-11", "2020-02-29", "2000-02-29", "1900-12-31"] {
            #expect(try summary(date, "\"\(valid)\"") == [], "\(valid)")
        }
        for invalid in ["2021-6-11", "2021-06-31", "2021-02-29", "1900-02-29", "2021-13-01", "2021-00-10", "2021-06-00",
            "2021-06-11T00:00:00Z", "20210611", "2021-06-1a", " 2021-06-11", "２０２１-06-11"] {
            #expect(try summary(date, "\"\(invalid)\"") == [" format"], "\(invalid)")
        }
        #expect(try violations(date, #""2021-02-30""#).map(\.message) == ["expected an RFC 3339 full-date (YYYY-MM-DD)"])
        let dateTime = try compileSchema(#"{"format": "date-time"}"#)
        for valid in ["2021-06-11T17:30:00Z", "2021-06-11T17:30:00+02:00", "2021-06-11t17:30:00z",
            "2021-06-11T17:30:00.123456-05:30", "2016-12-31T23:59:60Z", "2017-01-01T01:29:60+01:30"] {
            #expect(try summary(dateTime, "\"\(valid)\"") == [], "\(valid)")
        }
        for invalid in ["2021-06-11T17:30:00+02", "2021-06-11T17:30:00+0200", "2021-06-11T17:30:00", "2021-06-11 17:30:00Z",
            "2021-06-11T24:00:00Z", "2021-06-11T17:60:00Z", "2021-06-11T17:30:00.Z", "2021-06-11T12:59:60Z",
            "2021-06-11T17:30Z", "2021-06-31T17:30:00Z", "2021-06-11T17:30:00+24:00", "2021-06-11T17:30:00Z "] {
            #expect(try summary(dateTime, "\"\(invalid)\"") == [" format"], "\(invalid)")
        }
        let time = try compileSchema(#"{"format": "time"}"#)
        #expect(try summary(time, #""08:30:06Z""#) == [])
        #expect(try summary(time, #""08:30:06""#) == [" format"])
        // Format assertion can be switched off; unknown formats are annotations.
        let lax = try compileSchema(#"{"format": "date-time"}"#, assertFormats: false)
        #expect(try summary(lax, #""2021-06-11T17:30:00+0200""#) == [])
        let unknown = try compileSchema(#"{"format": "uvci"}"#)
        #expect(try summary(unknown, #""anything""#) == [])
        #expect(try summary(date, "20210611") == [])
    }

    @Test func oneOfCountsMatches() throws {
        let schema = try compileSchema(#"""
            {"oneOf": [{"required": ["v"]}, {"required": ["t"]}, {"required": ["r"]}]}
            """#)
        #expect(try summary(schema, #"{"v": []}"#) == [])
        #expect(try violations(schema, #"{"x": 1}"#).map(\.message)
            == ["expected exactly one of 3 subschemas to match, 0 matched"])
        #expect(try violations(schema, #"{"v": [], "t": []}"#).map(\.message)
            == ["expected exactly one of 3 subschemas to match, 2 matched"])
        #expect(try violations(schema, #"{"v": [], "t": [], "r": []}"#).map(\.message)
            == ["expected exactly one of 3 subschemas to match, 3 matched"])
    }

    @Test func anyOfAllOfNot() throws {
        let anyOf = try compileSchema(#"{"anyOf": [{"required": ["fnt"]}, {"required": ["gnt"]}]}"#)
        #expect(try summary(anyOf, #"{"gnt": "A"}"#) == [])
        #expect(try summary(anyOf, #"{"fnt": "A", "gnt": "B"}"#) == [])
        #expect(try violations(anyOf, #"{"fn": "A"}"#).map(\.message)
            == ["expected at least one of 2 subschemas to match, none matched"])
        let allOf = try compileSchema(#"{"allOf": [{"type": "string"}, {"maxLength": 2}, {"pattern": "^a"}]}"#)
        #expect(try summary(allOf, #""ab""#) == [])
        #expect(try summary(allOf, #""bcd""#) == [" maxLength", " pattern"])
        let not = try compileSchema(#"{"not": {"type": "null"}}"#)
        #expect(try summary(not, "1") == [])
        #expect(try summary(not, "null") == [" not"])
    }

    @Test func booleanSchemas() throws {
        let yes = try compileSchema("true")
        #expect(try summary(yes, #"{"anything": [1, 2]}"#) == [])
        let no = try compileSchema("false")
        #expect(try summary(no, "null") == [" false"])
        let nested = try compileSchema(#"{"properties": {"a": false, "b": true}}"#)
        #expect(try summary(nested, #"{"a": 1, "b": 2}"#) == ["/a false"])
    }

    @Test func referenceChains() throws {
        let schema = try compileSchema(##"""
            {"$id": "https://id.example/root.json",
             "properties": {
               "a": {"$ref": "#/$defs/first"},
               "b": {"$ref": "https://id.example/root.json#/$defs/second"},
               "c": {"$ref": "#/properties/a"},
               "d": {"$ref": "#/$defs/a~1b"},
               "e": {"$ref": "#/$defs/with%20space"}
             },
             "$defs": {
               "first": {"$ref": "#/$defs/second", "minLength": 2},
               "second": {"$ref": "#/$defs/third"},
               "third": {"type": "string", "maxLength": 3},
               "a/b": {"type": "integer"},
               "with space": {"type": "boolean"}
             }}
            """##)
        #expect(try summary(schema, #"{"a": "ab", "b": "b", "c": "abc", "d": 1, "e": true}"#) == [])
        #expect(try summary(schema, #"{"a": "x", "b": "long", "c": 1, "d": "1", "e": 1}"#)
            == ["/a minLength", "/b maxLength", "/c type", "/d type", "/e type"])
        let definitions = try compileSchema(##"""
            {"definitions": {"name": {"type": "string", "pattern": "^[A-Z<]*$"}},
             "properties": {"fnt": {"$ref": "#/definitions/name"}}}
            """##)
        #expect(try summary(definitions, #"{"fnt": "ab"}"#) == ["/fnt pattern"])
    }

    @Test func recursiveSchemaDescendsAndStopsAtTheDepthLimit() throws {
        let tree = try compileSchema(##"{"type": "array", "items": {"$ref": "#"}}"##)
        #expect(try summary(tree, "[[], [[]], [[[1]]]]") == ["/2/0/0/0 type"])
        var deep = JSONValue.array([])
        for _ in 0..<200 { deep = .array([deep]) }
        let found = tree.validate(deep)
        #expect(found.map(\.keyword) == ["depth"])
        #expect(!tree.isValid(deep))
    }

    @Test func collectsEveryViolationWithPaths() throws {
        let schema = try compileSchema(#"""
            {"properties": {"v": {"type": "array", "items": {"properties": {"dn": {"minimum": 1}, "co": {"pattern": "^[A-Z]+$"}}}}}}
            """#)
        #expect(try summary(schema, #"{"v": [{"dn": 1, "co": "NL"}, {"dn": 0, "co": "nl"}]}"#) == ["/v/1/dn minimum", "/v/1/co pattern"])
    }

    @Test func messagesNeverContainTheInstanceValue() throws {
        let schema = try compileSchema(#"""
            {"properties": {"gn": {"type": "string", "maxLength": 5, "pattern": "^[A-Z]*$", "enum": ["X"], "format": "date"},
                            "dn": {"minimum": 5, "const": 9}}}
            """#)
        let found = try violations(schema, #"{"gn": "Jiřina-Maria", "dn": 4}"#)
        #expect(found.count == 6)
        for violation in found {
            #expect(!violation.message.contains("Jiřina"))
            #expect(!violation.message.contains("Maria"))
            #expect(!violation.message.contains("4"))
        }
    }
}
