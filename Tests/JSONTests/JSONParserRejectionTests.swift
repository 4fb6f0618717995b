import JSON
import Testing

/// Documents a strict RFC 8259 parser must reject, in the spirit of the JSONTestSuite `n_` cases (written for
/// this project), with the code each must fail with.
struct JSONParserRejectionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let code: String
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ code: String) {
            self.name = name
            self.bytes = Array(text.utf8)
            self.code = code
        }

        init(_ name: String, bytes: [UInt8], _ code: String) {
            self.name = name
            self.bytes = bytes
            self.code = code
        }
    }

    static let syntax = "JSON_SYNTAX"
    static let end = "JSON_UNEXPECTED_END"
    static let trailing = "JSON_TRAILING_DATA"
    static let utf8 = "JSON_INVALID_UTF8"
    static let escape = "JSON_INVALID_ESCAPE"
    static let range = "JSON_NUMBER_OUT_OF_RANGE"

    /// `["` + bytes + `"]`
    static func stringBytes(_ bytes: [UInt8]) -> [UInt8] { [0x5B, 0x22] + bytes + [0x22, 0x5D] }

    static let cases: [Case] = [
        Case("n_array_1_true_without_comma", "[1 true]", syntax),
        Case("n_array_extra_comma", #"["",]"#, syntax),
        Case("n_array_double_comma", "[1,,2]", syntax),
        Case("n_array_leading_comma", "[,1]", syntax),
        Case("n_array_incomplete", #"["x""#, end),
        Case("n_array_inner_array_no_comma", "[3[4]]", syntax),
        Case("n_array_missing_value", #"[   , ""]"#, syntax),
        Case("n_array_unclosed_trailing_comma", "[1,", end),
        Case("n_array_colon_instead_of_comma", #"["": 1]"#, syntax),
        Case("n_array_star_inside", "[*]", syntax),
        Case("n_array_closed_by_brace", "[1}", syntax),
        Case("n_incomplete_false", "[fals]", syntax),
        Case("n_incomplete_true_at_end", "[tru", end),
        Case("n_literal_capitalized", "[True]", syntax),
        Case("n_literal_nil", "[nil]", syntax),
        Case("n_number_plus_plus", "[++1234]", syntax),
        Case("n_number_plus_one", "[+1]", syntax),
        Case("n_number_minus_leading_zero", "[-01]", syntax),
        Case("n_number_leading_zero", "[012]", syntax),
        Case("n_number_lonely_leading_zero", "00", syntax),
        Case("n_number_starting_with_dot", "[.2e-3]", syntax),
        Case("n_number_0_dot_e1", "[0.e1]", syntax),
        Case("n_number_exponent_without_digits", "[1.0e]", syntax),
        Case("n_number_exponent_sign_without_digits", "[9.e+]", syntax),
        Case("n_number_real_without_fraction", "[1.]", syntax),
        Case("n_number_hex", "[0x1]", syntax),
        Case("n_number_infinity", "[Infinity]", syntax),
        Case("n_number_minus_infinity", "[-Infinity]", syntax),
        Case("n_number_nan", "[NaN]", syntax),
        Case("n_number_minus_space", "[- 1]", syntax),
        Case("n_number_comma_decimal", "[1,5.]", syntax),
        Case("n_number_huge_exponent", "[1e400]", range),
        Case("n_number_negative_huge", "[-1.5e999]", range),
        Case("n_number_overflowing_digits", "[1" + String(repeating: "0", count: 400) + "]", range),
        Case("n_number_exponent_saturates", "[1e99999999999999999999]", range),
        Case("n_object_bad_value", #"["x", truth]"#, syntax),
        Case("n_object_comma_instead_of_colon", #"{"x", null}"#, syntax),
        Case("n_object_missing_colon", #"{"a" b}"#, syntax),
        Case("n_object_missing_key", #"{:"b"}"#, syntax),
        Case("n_object_missing_value", #"{"a":"#, end),
        Case("n_object_missing_value_before_brace", #"{"a":}"#, syntax),
        Case("n_object_non_string_key", "{1:1}", syntax),
        Case("n_object_single_quote", "{'a':0}", syntax),
        Case("n_object_trailing_comma", #"{"id":0,}"#, syntax),
        Case("n_object_unquoted_key", #"{a: "b"}"#, syntax),
        Case("n_object_trailing_comment", #"{"a":"b"}/**/"#, trailing),
        Case("n_object_comment_inside", #"{"a":/*c*/"b"}"#, syntax),
        Case("n_object_closed_by_bracket", #"{"a":1]"#, syntax),
        Case("n_object_duplicate_key", #"{"a":1,"a":2}"#, "JSON_DUPLICATE_KEY"),
        Case("n_object_duplicate_key_after_unescaping", #"{"a":1,"\u0061":2}"#, "JSON_DUPLICATE_KEY"),
        Case("n_single_space", " ", end),
        Case("n_structure_no_data", "", end),
        Case("n_string_surrogate_then_escaped_quote", #"["\uD800\"]"#, escape),
        Case("n_string_incomplete_surrogate_escape", #"["\uD834\uDd"]"#, syntax),
        Case("n_string_invalid_backslash_escape", #"["\a"]"#, syntax),
        Case("n_string_escape_x", #"["\x00"]"#, syntax),
        Case("n_string_escaped_emoji_not_allowed", #"["\🌀"]"#, syntax),
        Case("n_string_incomplete_unicode_escape", #"["\u00A"]"#, syntax),
        Case("n_string_lone_low_surrogate", #"["\uDFAA"]"#, escape),
        Case("n_string_high_surrogate_then_char", #"["\uD800x"]"#, escape),
        Case("n_string_high_high_surrogates", #"["\uD800\uD800"]"#, escape),
        Case("n_string_high_surrogate_then_escape", #"["\uD800\n"]"#, escape),
        Case("n_string_unescaped_nul", bytes: stringBytes([0x61, 0x00, 0x61]), syntax),
        Case("n_string_unescaped_newline", "[\"new\nline\"]", syntax),
        Case("n_string_unescaped_tab", "[\"\t\"]", syntax),
        Case("n_string_single_quote", "['single quote']", syntax),
        Case("n_string_no_quotes", "[abc]", syntax),
        Case("n_string_unterminated", #""abc"#, end),
        Case("n_string_invalid_utf8_ff", bytes: stringBytes([0xFF]), utf8),
        Case("n_string_lone_continuation", bytes: stringBytes([0x80]), utf8),
        Case("n_string_overlong_2_bytes", bytes: stringBytes([0xC0, 0xAF]), utf8),
        Case("n_string_overlong_3_bytes", bytes: stringBytes([0xE0, 0x80, 0xAF]), utf8),
        Case("n_string_overlong_4_bytes", bytes: stringBytes([0xF0, 0x80, 0x80, 0xAF]), utf8),
        Case("n_string_utf8_encoded_surrogate", bytes: stringBytes([0xED, 0xA0, 0x80]), utf8),
        Case("n_string_above_U+10FFFF", bytes: stringBytes([0xF4, 0x90, 0x80, 0x80]), utf8),
        Case("n_string_truncated_sequence_before_quote", bytes: stringBytes([0xE2, 0x82]), utf8),
        Case("n_string_utf8_after_escape", bytes: [0x5B, 0x22, 0x5C, 0x6E, 0xC3, 0x28, 0x22, 0x5D], utf8),
        Case("n_string_F5_lead", bytes: stringBytes([0xF5, 0x80, 0x80, 0x80]), utf8),
        Case("n_structure_utf8_bom", bytes: [0xEF, 0xBB, 0xBF, 0x5B, 0x5D], syntax),
        Case("n_structure_invalid_utf8_outside_string", bytes: [0x5B, 0xFF, 0x5D], syntax),
        Case("n_structure_nonbreaking_space", bytes: [0x5B, 0xC2, 0xA0, 0x31, 0x5D], syntax),
        Case("n_structure_array_extra_close", "[1]]", trailing),
        Case("n_structure_close_unopened_array", "1]", trailing),
        Case("n_structure_double_array", "[][]", trailing),
        Case("n_structure_object_with_trailing_garbage", #"{"a": true} "x""#, trailing),
        Case("n_structure_unclosed_object", #"{"asd":"asd""#, end),
        Case("n_structure_formfeed_is_not_whitespace", "[\u{0C}]", syntax),
        Case("n_structure_vertical_tab_is_not_whitespace", "[\u{0B}1]", syntax),
        Case("n_structure_nul_after_value", "[1]\u{0}", trailing),
        Case("n_structure_line_comment", "[1]//", trailing),
        Case("n_structure_block_comment_inside", "[1/**/]", syntax),
        Case("n_structure_lone_open_bracket", "[", end),
        Case("n_structure_lone_open_brace", "{", end),
        Case("n_structure_lone_minus", "-", end),
        Case("n_structure_multiple_values", "1 2", trailing),
        Case("n_structure_number_then_letter", "1a", trailing),
        Case("n_structure_angle_bracket", "<.>", syntax),
    ]

    @Test(arguments: cases)
    func rejects(_ testCase: Case) {
        let error = parseError(testCase.bytes)
        #expect(error?.code == testCase.code, "got \(String(describing: error))")
    }

    @Test func errorsGiveTheByteOffset() {
        #expect(parseError("[1,,2]")?.offset == 3)
        #expect(parseError(#"{"a":1,"a":2}"#)?.offset == 7)
        #expect(parseError("[1] x")?.offset == 4)
        #expect(parseError("[012]")?.offset == 2)
        #expect(parseError([0x22, 0x61, 0xC3, 0x28, 0x22])?.offset == 3)
        let error = parseError("[1,,2]")
        #expect(error?.message.hasPrefix("at byte 3: expected a value, found ','") == true)
    }

    @Test func messagesNeverQuoteTheDocument() {
        let documents = [
            #"{"name": "Maria Muster" x}"#,
            #"{"name": "Maria Muster", "name": "Maria Muster"}"#,
            #"{"dob": 1964-01-01}"#,
            "{\"name\": \"Maria\nMuster\"}",
            #"{"name": "Maria \q Muster"}"#,
        ]
        for document in documents {
            let error = parseError(document)
            #expect(error != nil)
            for fragment in ["Maria", "Muster", "1964", "-01"] {
                #expect(error?.message.contains(fragment) == false, "\(error?.message ?? "")")
            }
        }
    }
}
