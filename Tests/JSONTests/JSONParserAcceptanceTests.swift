import JSON
import Testing

/// Documents a strict RFC 8259 parser must accept, in the spirit of the JSONTestSuite `y_` cases
/// (written for this project), with the value each must produce.
struct JSONParserAcceptanceTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let expected: JSONValue
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ expected: JSONValue) {
            self.name = name
            self.bytes = Array(text.utf8)
            self.expected = expected
        }

        init(_ name: String, bytes: [UInt8], _ expected: JSONValue) {
            self.name = name
            self.bytes = bytes
            self.expected = expected
        }
    }

    static let cases: [Case] = [
        Case("y_array_empty", "[]", .array([])),
        Case("y_array_arrays_with_spaces", "[[]   ]", .array([.array([])])),
        Case("y_array_empty_string", #"[""]"#, .array([.string("")])),
        Case("y_array_false", "[false]", .array([.bool(false)])),
        Case("y_array_heterogeneous", #"[null, 1, "1", {}]"#, .array([.null, .integer(1), .string("1"), .object([:])])),
        Case("y_array_with_leading_space", " [1]", .array([.integer(1)])),
        Case("y_array_with_trailing_space", "[2] ", .array([.integer(2)])),
        Case("y_array_whitespace_everywhere", " \t\r\n[ \t\r\n1 \t\r\n, \t\r\n2 \t\r\n] \t\r\n",
            .array([.integer(1), .integer(2)])),
        Case("y_number_0e+1", "[0e+1]", .array([.double(0)])),
        Case("y_number_0e1", "[0e1]", .array([.double(0)])),
        Case("y_number_after_space", "[ 4]", .array([.integer(4)])),
        Case("y_number_close_to_zero", "[-0.000000000000000000000000000000000000000000000000000000000000000000000000000001]",
            .array([.double(-1e-78)])),
        Case("y_number_int_with_exp", "[20e1]", .array([.double(200)])),
        Case("y_number_minus_zero", "[-0]", .array([.integer(0)])),
        Case("y_number_minus_zero_real", "[-0.0]", .array([.double(-0.0)])),
        Case("y_number_negative_int", "[-123]", .array([.integer(-123)])),
        Case("y_number_real_capital_e", "[1E22]", .array([.double(1e22)])),
        Case("y_number_real_capital_e_neg_exp", "[1E-2]", .array([.double(0.01)])),
        Case("y_number_real_capital_e_pos_exp", "[1E+2]", .array([.double(100)])),
        Case("y_number_real_exponent", "[123e45]", .array([.double(123e45)])),
        Case("y_number_real_fraction_exponent", "[123.456e78]", .array([.double(123.456e78)])),
        Case("y_number_simple_int", "[123]", .array([.integer(123)])),
        Case("y_number_simple_real", "[123.456789]", .array([.double(123.456789)])),
        Case("y_number_int64_limits", "[9223372036854775807,-9223372036854775808]",
            .array([.integer(.max), .integer(.min)])),
        Case("y_number_beyond_int64", "[9223372036854775808]", .array([.double(9_223_372_036_854_775_808)])),
        Case("y_number_below_int64", "[-9223372036854775809]", .array([.double(-9_223_372_036_854_775_808)])),
        Case("y_number_many_digits", "[1234567890123456789012345678901234567890]",
            .array([.double(1.2345678901234568e39)])),
        Case("y_number_underflow_to_zero", "[1e-400]", .array([.double(0)])),
        Case("y_number_max_double", "[1.7976931348623157e308]", .array([.double(.greatestFiniteMagnitude)])),
        Case("y_number_min_subnormal", "[5e-324]", .array([.double(.leastNonzeroMagnitude)])),
        Case("y_number_point_one", "[0.1]", .array([.double(0.1)])),
        Case("y_object_basic", #"{"asd":"sdf"}"#, .object(["asd": .string("sdf")])),
        Case("y_object_empty", "{}", .object([:])),
        Case("y_object_empty_key", #"{"":0}"#, .object(["": .integer(0)])),
        Case("y_object_escaped_null_in_key", #"{"foo\u0000bar": 42}"#, .object(["foo\u{0}bar": .integer(42)])),
        Case("y_object_extreme_numbers", #"{ "min": -1.0e+28, "max": 1.0e+28 }"#,
            .object(["min": .double(-1e28), "max": .double(1e28)])),
        Case("y_object_simple", #"{"a":[]}"#, .object(["a": .array([])])),
        Case("y_object_with_newlines", "{\n\"a\": \"b\"\n}", .object(["a": .string("b")])),
        Case("y_object_member_order_kept", #"{"b":1,"a":2,"c":3}"#,
            .object(JSONObject([.init(key: "b", value: .integer(1)), .init(key: "a", value: .integer(2)),
                .init(key: "c", value: .integer(3))]))),
        Case("y_string_1_2_3_byte_escapes", #"["\u0060\u012a\u12AB"]"#, .array([.string("\u{60}\u{12a}\u{12ab}")])),
        Case("y_string_surrogate_pair", #"["\uD801\udc37"]"#, .array([.string("\u{10437}")])),
        Case("y_string_allowed_escapes", #"["\"\\\/\b\f\n\r\t"]"#, .array([.string("\"\\/\u{8}\u{c}\n\r\t")])),
        Case("y_string_backslash_and_u_escaped_zero", #"["\\u0000"]"#, .array([.string("\\u0000")])),
        Case("y_string_comments_inside", #"["a/*b*/c/*d//e"]"#, .array([.string("a/*b*/c/*d//e")])),
        Case("y_string_nonchar_U+FFFF", bytes: [0x5B, 0x22, 0xEF, 0xBF, 0xBF, 0x22, 0x5D], .array([.string("\u{FFFF}")])),
        Case("y_string_U+10FFFE", bytes: [0x5B, 0x22, 0xF4, 0x8F, 0xBF, 0xBE, 0x22, 0x5D], .array([.string("\u{10FFFE}")])),
        Case("y_string_last_surrogates", #"["\uDBFF\uDFFF"]"#, .array([.string("\u{10FFFF}")])),
        Case("y_string_utf8", #"["€𝄞"]"#, .array([.string("€𝄞")])),
        Case("y_string_escaped_and_raw_utf8", #"["é\u00e9\n€"]"#, .array([.string("éé\n€")])),
        Case("y_string_with_del_character", "[\"a\u{7F}a\"]", .array([.string("a\u{7F}a")])),
        Case("y_string_escaped_control", #"["\u001f\u0000"]"#, .array([.string("\u{1F}\u{0}")])),
        Case("y_structure_lonely_false", "false", .bool(false)),
        Case("y_structure_lonely_int", "42", .integer(42)),
        Case("y_structure_lonely_negative_real", "-0.1", .double(-0.1)),
        Case("y_structure_lonely_null", "null", .null),
        Case("y_structure_lonely_string", #""asd""#, .string("asd")),
        Case("y_structure_lonely_true", "true", .bool(true)),
        Case("y_structure_string_empty", #""""#, .string("")),
        Case("y_structure_trailing_newline", "[\"a\"]\n", .array([.string("a")])),
        Case("y_structure_whitespace_array", " [] ", .array([])),
        Case("y_structure_nested", #"{"a":{"b":[{"c":[null]}]}}"#,
            .object(["a": .object(["b": .array([.object(["c": .array([.null])])])])])),
    ]

    @Test(arguments: cases)
    func accepts(_ testCase: Case) throws {
        let value = try JSONParser.parse(testCase.bytes)
        #expect(value == testCase.expected)
    }

    @Test func negativeZeroKeepsItsSign() throws {
        let value = try JSONParser.parse("-0.0")
        guard case .double(let double) = value else {
            Issue.record("expected a double")
            return
        }
        #expect(double == 0 && double.sign == .minus)
    }

    @Test func acceptsNonContiguousCollections() throws {
        let bytes = Array(#"{"a":[1,2,"x"]}"#.utf8)
        let value = try JSONParser.parse(bytes.lazy.map { $0 })
        #expect(value == .object(["a": .array([.integer(1), .integer(2), .string("x")])]))
        let slice = try JSONParser.parse(Array("xx[true]yy".utf8)[2..<8])
        #expect(slice == .array([.bool(true)]))
    }
}
