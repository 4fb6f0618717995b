import JSON
import Testing

/// `JSONTape.canonicalBytes(of:)` on what it writes itself and on what it leaves to `JSONSerializer`: the same
/// RFC 8785 bytes either way. (`JSONTapeTests.agree` also compares them for every document of the parser suites.)
struct JSONTapeCanonicalTests {
    static func expectCanonical(_ text: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let tape = try JSONTape(parsing: Array(text.utf8), options: .init(maxDepth: 200))
        let tree = try JSONParser.parse(Array(text.utf8), options: .init(maxDepth: 200))
        #expect(String(decoding: tape.canonicalBytes(of: tape.root), as: UTF8.self) == expected, sourceLocation: sourceLocation)
        #expect(tape.canonicalBytes(of: tape.root) == JSONSerializer.serialize(tree, style: .canonical), sourceLocation: sourceLocation)
    }

    @Test func sortsMembersAndRewritesScalars() throws {
        try Self.expectCanonical(#"{ "v": 1, "t" : "x", "is":"UTO", "A": null, "_": true, "ve": [ {"b": 1, "a": 2} ] }"#,
            #"{"A":null,"_":true,"is":"UTO","t":"x","v":1,"ve":[{"a":2,"b":1}]}"#)
        try Self.expectCanonical(#"{"ab": 1, "a": 2, "b": 3, "": 4}"#, #"{"":4,"a":2,"ab":1,"b":3}"#)
        try Self.expectCanonical("[1.0, -0, 1e2, 1.5, 9007199254740993, -9007199254740992, 1e-7, 0.000001]",
            "[1,0,100,1.5,9007199254740992,-9007199254740992,1e-7,0.000001]")
        try Self.expectCanonical("[false, null, [], {}]", "[false,null,[],{}]")
    }

    @Test func escapesStringsTheRFC8785Way() throws {
        try Self.expectCanonical(#"["a\"b\\c", "\u0041\/", "\u0000\u001f\b\t\n\f\r", "\u007f", "Åström €😀", "</script>"]"#,
            #"["a\"b\\c","A/","\u0000\u001f\b\t\n\f\r","\#u{7F}","Åström €😀","</script>"]"#)
    }

    @Test func leavesWhatItCannotSortToTheSerializer() throws {
        // Non-ASCII names: UTF-16 order (U+1F600 as a surrogate pair sorts before U+FB33), not byte order.
        try Self.expectCanonical(#"{"\#u{FB33}": 2, "\#u{1F600}": 1, "a": 0}"#, #"{"a":0,"\#u{1F600}":1,"\#u{FB33}":2}"#)
        // An escaped name, and one object with more members than the insertion sort takes.
        try Self.expectCanonical(#"{"\u0062": 1, "a": 2}"#, #"{"a":2,"b":1}"#)
        let wide = (0..<100).reversed().map { "\"k\($0)\": \($0)" }.joined(separator: ",")
        let sorted = (0..<100).map { "k\($0)" }.sorted().map { name in "\"\(name)\":\(name.dropFirst())" }.joined(separator: ",")
        try Self.expectCanonical("{\(wide)}", "{\(sorted)}")
        // Deeper than the writer recurses.
        let deep = String(repeating: #"{"k":["#, count: 40) + "1" + String(repeating: "]}", count: 40)
        try Self.expectCanonical(deep, deep)
    }

    @Test func writesAnyNodeOnItsOwn() throws {
        let tape = try JSONTape(parsing: Array(#"{"data": {"z": [3, {"y": "\u00e9", "x": 1}], "a": "b"}, "sig": "s"}"#.utf8))
        let data = try #require(tape.member("data", of: tape.root))
        #expect(String(decoding: tape.canonicalBytes(of: data), as: UTF8.self) == #"{"a":"b","z":[3,{"x":1,"y":"é"}]}"#)
        #expect(tape.integer(at: data + 3) == 3)
    }
}
