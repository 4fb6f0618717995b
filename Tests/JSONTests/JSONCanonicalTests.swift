import JSON
import Testing

/// RFC 8785 (JSON Canonicalization Scheme) vectors.
struct JSONCanonicalTests {
    /// RFC 8785 Appendix B, "ECMAScript-Compatible JSON Number Serialization Samples" (the NaN and Infinity
    /// rows are left out: a parsed document cannot hold them).
    static let appendixB: [(bits: UInt64, expected: String)] = [
        (0x0000_0000_0000_0000, "0"),
        (0x8000_0000_0000_0000, "0"),
        (0x0000_0000_0000_0001, "5e-324"),
        (0x8000_0000_0000_0001, "-5e-324"),
        (0x7FEF_FFFF_FFFF_FFFF, "1.7976931348623157e+308"),
        (0xFFEF_FFFF_FFFF_FFFF, "-1.7976931348623157e+308"),
        (0x4340_0000_0000_0000, "9007199254740992"),
        (0xC340_0000_0000_0000, "-9007199254740992"),
        (0x4430_0000_0000_0000, "295147905179352830000"),
        (0x44B5_2D02_C7E1_4AF5, "9.999999999999997e+22"),
        (0x44B5_2D02_C7E1_4AF6, "1e+23"),
        (0x44B5_2D02_C7E1_4AF7, "1.0000000000000001e+23"),
        (0x444B_1AE4_D6E2_EF4E, "999999999999999700000"),
        (0x444B_1AE4_D6E2_EF4F, "999999999999999900000"),
        (0x444B_1AE4_D6E2_EF50, "1e+21"),
        (0x3EB0_C6F7_A0B5_ED8C, "9.999999999999997e-7"),
        (0x3EB0_C6F7_A0B5_ED8D, "0.000001"),
        (0x41B3_DE43_5555_5553, "333333333.3333332"),
        (0x41B3_DE43_5555_5554, "333333333.33333325"),
        (0x41B3_DE43_5555_5555, "333333333.3333333"),
        (0x41B3_DE43_5555_5556, "333333333.3333334"),
        (0x41B3_DE43_5555_5557, "333333333.33333343"),
        (0xBECB_F647_612F_3696, "-0.0000033333333333333333"),
        (0x4314_3FF3_C1CB_0959, "1424953923781206.2"),
    ]

    @Test func appendixBNumberSamples() throws {
        for (bits, expected) in Self.appendixB {
            let value = Double(bitPattern: bits)
            #expect(canonical(.double(value)) == expected, "bits \(String(bits, radix: 16))")
            // Reading the canonical text back gives the same number.
            #expect(try JSONParser.parse(expected).doubleValue == (value == 0 ? 0 : value))
        }
    }

    @Test(arguments: [
        (1e21, "1e+21"), (1e20, "100000000000000000000"), (1e-7, "1e-7"), (1.5e-7, "1.5e-7"),
        (0.000001, "0.000001"), (123e-20, "1.23e-18"), (-1.0, "-1"), (4.5, "4.5"), (0.002, "0.002"),
        (1e30, "1e+30"), (1e-27, "1e-27"), (100.0, "100"), (12.5e3, "12500"),
    ])
    func ecmaScriptNumberForms(_ value: Double, _ expected: String) {
        #expect(canonical(.double(value)) == expected)
    }

    @Test func integersAreWrittenAsAnECMAScriptReaderSeesThem() {
        #expect(canonical(.integer(9_007_199_254_740_992)) == "9007199254740992")
        #expect(canonical(.integer(-9_007_199_254_740_992)) == "-9007199254740992")
        #expect(canonical(.integer(9_007_199_254_740_993)) == "9007199254740992")
        #expect(canonical(.integer(.max)) == "9223372036854776000")
        #expect(canonical(.integer(.min)) == "-9223372036854776000")
        #expect(canonical(.integer(0)) == "0")
    }

    /// The sample of RFC 8785 section 3.2.2, and its canonical bytes from section 3.2.4.
    @Test func rfcSampleDocument() throws {
        let input = #"""
            {
              "numbers": [333333333.33333329, 1E30, 4.50,
                          2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """#
        let expected = #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        let output = JSONSerializer.serialize(try JSONParser.parse(input), style: .canonical)
        #expect(String(decoding: output, as: UTF8.self) == expected)
        let hex = """
            7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72 75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 \
            65 72 73 22 3a 5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31 65 2b 33 30 2c 34 2e 35 2c 30 \
            2e 30 30 32 2c 31 65 2d 32 37 5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30 30 66 5c 6e 41 \
            27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d
            """
        let expectedBytes = hex.split(separator: " ").compactMap { UInt8($0, radix: 16) }
        #expect(output == expectedBytes)
    }

    /// The sorting test data of RFC 8785 section 3.2.3: UTF-16 order puts the emoji (a surrogate pair)
    /// before U+FB33, where UTF-8 or code point order would not.
    @Test func rfcSortingExample() throws {
        let input = #"""
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """#
        let sorted = try JSONParser.parse(JSONSerializer.serialize(try JSONParser.parse(input), style: .canonical))
        let values = sorted.objectValue?.members.compactMap(\.value.stringValue)
        #expect(values == [
            "Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign",
            "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh",
        ])
    }

    @Test func sortingIsRecursiveAndKeepsArrayOrder() throws {
        let value = try JSONParser.parse(#"{"b":[{"z":1,"y":2},3,{"b":0,"a":0}],"a":{"d":{"f":1,"e":2},"c":null}}"#)
        #expect(canonical(value) == #"{"a":{"c":null,"d":{"e":2,"f":1}},"b":[{"y":2,"z":1},3,{"a":0,"b":0}]}"#)
    }

    @Test func sortingIsByUTF16CodeUnits() {
        var generator = SeededGenerator(seed: 8785)
        let alphabet: [Unicode.Scalar] = ["a", "b", "\u{7F}", "\u{80}", "é", "\u{D7FF}", "\u{E000}", "\u{FB33}",
            "\u{FFFD}", "\u{FFFF}", "\u{10000}", "😀", "\u{10FFFF}", "\0", "A"]
        for _ in 0..<300 {
            var keys: Set<String> = []
            for _ in 0..<Int.random(in: 2...8, using: &generator) {
                var key = ""
                for _ in 0..<Int.random(in: 0...4, using: &generator) {
                    key.unicodeScalars.append(alphabet.randomElement(using: &generator)!)
                }
                keys.insert(key)
            }
            let object = JSONObject(keys.map { JSONObject.Member(key: $0, value: .null) })
            let output = canonical(.object(object))
            let expectedOrder = keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            let expected = compact(.object(JSONObject(expectedOrder.map { JSONObject.Member(key: $0, value: .null) })))
            #expect(output == expected)
        }
    }

    @Test func canonicalOutputIsAFixedPoint() throws {
        let documents = [
            #"{"b":1.0,"a":[1e300,0.1]}"#,
            #"{"x":-0.0,"y":9223372036854775807,"z":1E-7,"é":"\u00e9"}"#,
        ]
        for document in documents {
            let first = JSONSerializer.serialize(try JSONParser.parse(document), style: .canonical)
            let second = JSONSerializer.serialize(try JSONParser.parse(first), style: .canonical)
            #expect(first == second)
        }
    }
}
