import JSON
import Testing

/// Truncation, size and depth limits, and duplicate keys.
struct JSONParserLimitTests {
    static let documents: [String] = [
        #"{"a":[1,2.5e3,-0.0,true,false,null],"b":{"c":"x\u00e9\ud83d\ude00\n"},"d":[]}"#,
        #"[{"ver":"1.3.0","nam":{"fn":"Müller","fnt":"MUELLER"},"dob":"1964-01-01","v":[{"dn":1,"sd":2}]}]"#,
        "{ \"key\" : [ 1 , { } , [ ] , \"\u{1F600}€é\" , -12.5E-3 ] }\n",
    ]

    /// Every strict prefix of a valid document fails with JSON_UNEXPECTED_END (never a crash).
    @Test(arguments: documents)
    func everyStrictPrefixIsRejected(_ document: String) throws {
        let bytes = Array(document.utf8)
        _ = try JSONParser.parse(bytes)
        var lastComplete = bytes.count
        while lastComplete > 0, [0x20, 0x0A].contains(bytes[lastComplete - 1]) { lastComplete -= 1 }
        for length in 0..<lastComplete {
            let error = parseError(Array(bytes[..<length]))
            #expect(error?.code == "JSON_UNEXPECTED_END", "prefix of \(length) bytes: \(String(describing: error))")
            #expect(error?.offset == length, "prefix of \(length) bytes")
        }
    }

    @Test func depthLimitIsExact() throws {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(try JSONParser.parse(ok) != .null)
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let error = parseError(deep)
        #expect(error?.code == "JSON_TOO_DEEP")
        #expect(error?.offset == 64)
    }

    @Test func depthCountsObjectsAndArrays() {
        let options = JSONParser.Options(maxDepth: 3)
        #expect(parseError(#"{"a":[{"b":1}]}"#, options: options) == nil)
        #expect(parseError(#"{"a":[{"b":[]}]}"#, options: options)?.code == "JSON_TOO_DEEP")
        #expect(parseError(#"[{"a":{}}]"#, options: options) == nil)
        #expect(parseError("[[[[]]]]", options: options)?.code == "JSON_TOO_DEEP")
    }

    @Test func veryDeepInputFailsFastWithoutRecursion() {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 500_000)
        #expect(parseError(bytes)?.code == "JSON_TOO_DEEP")
        // With the limit lifted the parser is still iterative: no stack overflow, just the missing end.
        let options = JSONParser.Options(maxDepth: .max)
        #expect(parseError(bytes, options: options)?.code == "JSON_UNEXPECTED_END")
    }

    @Test func sizeLimitIsExact() throws {
        let options = JSONParser.Options(maxBytes: 10)
        #expect(parseError(#"["abcdef"]"#, options: options) == nil)
        let error = parseError(#"["abcdefg"]"#, options: options)
        #expect(error?.code == "JSON_TOO_LARGE")
        #expect(error?.message == "expected at most 10 bytes, found 11")
    }

    @Test func defaultSizeLimitIsOneMebibyte() throws {
        let filler = String(repeating: "a", count: (1 << 20) - 2)
        let value = try JSONParser.parse("\"" + filler + "\"")
        #expect(value.stringValue?.utf8.count == (1 << 20) - 2)
        #expect(parseError("\"" + filler + "a\"")?.code == "JSON_TOO_LARGE")
    }

    @Test func duplicateKeysAreRejectedByDefault() {
        #expect(parseError(#"{"a":1,"b":2,"a":3}"#)?.code == "JSON_DUPLICATE_KEY")
        // Same key in different objects is fine.
        #expect(parseError(#"{"a":{"a":1},"b":{"a":2}}"#) == nil)
        #expect(parseError(#"[{"a":1},{"a":2}]"#) == nil)
    }

    @Test func duplicateKeysInLargeObjectsAreFound() {
        var text = "{"
        for index in 0..<1000 { text += "\"k\(index)\":\(index)," }
        let unique = text + "\"last\":0}"
        #expect(parseError(unique) == nil)
        let duplicate = text + "\"k500\":0}"
        let error = parseError(duplicate)
        #expect(error?.code == "JSON_DUPLICATE_KEY")
        #expect(error?.offset == duplicate.utf8.count - 9)
    }

    @Test func duplicateKeysCanBeAllowedLastValueWins() throws {
        let options = JSONParser.Options(rejectDuplicateKeys: false)
        let value = try JSONParser.parse(#"{"a":1,"b":2,"a":3}"#, options: options)
        #expect(value.objectValue?.keys == ["a", "b"])
        #expect(value["a"] == .integer(3))

        var text = "{"
        for index in 0..<100 { text += "\"k\(index % 40)\":\(index)," }
        text += "\"end\":true}"
        let large = try JSONParser.parse(text, options: options)
        #expect(large.objectValue?.count == 41)
        #expect(large["k0"] == .integer(80))
        #expect(large["k39"] == .integer(79))
    }

    @Test func manyMembersParseInLinearTime() throws {
        // 60,000 members: a quadratic duplicate check would take minutes.
        var text = "{"
        for index in 0..<60_000 { text += "\"member\(index)\":\(index)," }
        text += "\"end\":0}"
        let value = try JSONParser.parse(text, options: .init(maxBytes: 4 << 20))
        #expect(value.objectValue?.count == 60_001)
    }
}
