import JSON
import Testing

struct JSONSerializerTests {
    static let sample: JSONValue = .object(JSONObject([
        .init(key: "z", value: .integer(-42)),
        .init(key: "a", value: .array([.null, .bool(true), .bool(false), .double(1.5), .string("x")])),
        .init(key: "m", value: .object([:])),
        .init(key: "e", value: .array([])),
    ]))

    @Test func compactKeepsMemberOrderAndHasNoWhitespace() {
        #expect(compact(Self.sample) == #"{"z":-42,"a":[null,true,false,1.5,"x"],"m":{},"e":[]}"#)
    }

    @Test func prettyUsesTwoSpaceIndentation() {
        let expected = """
            {
              "z": -42,
              "a": [
                null,
                true,
                false,
                1.5,
                "x"
              ],
              "m": {},
              "e": []
            }
            """
        #expect(JSONSerializer.serializeToString(Self.sample, style: .pretty) == expected)
    }

    @Test func stringsEscapeOnlyQuoteBackslashAndControls() {
        let value = JSONValue.string("\"\\/\u{8}\u{9}\u{A}\u{C}\u{D}\u{0}\u{1F}\u{7F}é€😀</script>")
        #expect(compact(value) == #""\"\\/\b\t\n\f\r\u0000\u001f"# + "\u{7F}é€😀</script>\"")
        #expect(canonical(value) == compact(value))
    }

    @Test func integersAreExact() {
        let values: [Int64] = [0, 7, -7, 10, 99, 100, 1_000_000, .max, .min, 9_007_199_254_740_993]
        for value in values {
            #expect(compact(.integer(value)) == String(value))
        }
    }

    @Test(arguments: [
        (1.0, "1.0"), (-0.0, "-0.0"), (0.0, "0.0"), (1.5, "1.5"), (0.1, "0.1"), (100.0, "100.0"),
        (1e21, "1e+21"), (1e20, "100000000000000000000.0"), (1e-7, "1e-7"), (1e-6, "0.000001"),
        (-2.5e-10, "-2.5e-10"), (123456.789, "123456.789"),
    ])
    func compactDoublesStayDoubles(_ value: Double, _ expected: String) throws {
        #expect(compact(.double(value)) == expected)
        #expect(try JSONParser.parse(expected) == .double(value))
    }

    @Test func nonFiniteDoublesBuiltInCodeBecomeNull() {
        #expect(compact(.array([.double(.nan), .double(.infinity), .double(-.infinity)])) == "[null,null,null]")
    }

    @Test func serializeIntoAppends() {
        var buffer = Array("prefix ".utf8)
        JSONSerializer.serialize(.array([.integer(1)]), into: &buffer)
        buffer.append(UInt8(ascii: "\n"))
        JSONSerializer.serialize(.string("b"), style: .canonical, into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "prefix [1]\n\"b\"")
    }

    @Test func bytesAndStringVariantsAgree() {
        for style in [JSONSerializer.Style.compact, .pretty, .canonical] {
            let bytes = JSONSerializer.serialize(Self.sample, style: style)
            #expect(String(decoding: bytes, as: UTF8.self) == JSONSerializer.serializeToString(Self.sample, style: style))
        }
    }

    @Test func deeplyNestedValuesDoNotOverflowTheStack() throws {
        var value = JSONValue.null
        for _ in 0..<100_000 { value = .array([value]) }
        let bytes = JSONSerializer.serialize(value)
        #expect(bytes.count == 200_004)
        var reparsed = try JSONParser.parse(bytes, options: .init(maxDepth: 100_000))
        #expect(JSONSerializer.serialize(reparsed, style: .canonical) == bytes)
        Self.dismantle(&value)
        Self.dismantle(&reparsed)
    }

    @Test func prettyIndentationIsTheSameBeyondTheRecursionLimit() throws {
        // Deep values switch from recursion to an explicit stack part-way; the layout must not change.
        var value = JSONValue.object(["k": .integer(1)])
        for _ in 0..<300 { value = .array([value, .null]) }
        let text = JSONSerializer.serializeToString(value, style: .pretty)
        var expected = "{\n" + String(repeating: " ", count: 602) + "\"k\": 1\n" + String(repeating: " ", count: 600) + "}"
        for depth in stride(from: 299, through: 0, by: -1) {
            let inner = String(repeating: " ", count: 2 * (depth + 1))
            expected = "[\n" + inner + expected + ",\n" + inner + "null\n" + String(repeating: " ", count: 2 * depth) + "]"
        }
        #expect(text == expected)
        #expect(try JSONParser.parse(text, options: .init(maxDepth: 400)) == value)
    }

    /// Frees a deeply nested array one level at a time (releasing it whole would recurse once per level).
    static func dismantle(_ value: inout JSONValue) {
        var current = value
        value = .null
        while case .array(let elements) = current, let first = elements.first {
            current = first
        }
    }
}
