import JSON
import Testing

@testable import ICAOVDSNC

@Suite("VDS-NC canonical writer: the same bytes as JSONSerializer's canonical style")
struct VDSNCCanonicalWriterTests {
    func expectSame(_ value: JSONValue) {
        #expect(VDSNCCanonicalJSON.bytes(of: value) == JSONSerializer.serialize(value, style: .canonical))
    }

    @Test func sealDataAndItsEdgeCases() throws {
        let fixture = try VDSNCFixture()
        let text = try fixture.issue(try VDSNCFixture.vaccination())
        expectSame(try VDSNCSeal(text: text[...]).data)
        let strings = ["", "a\"b\\c", "\u{0}\u{1}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1F}\u{7F}", "Åström €😀", "</script>"]
        for string in strings { expectSame(.string(string)) }
        for integer: Int64 in [0, 9, 10, -1, -10, 1 << 53, -(1 << 53), (1 << 53) + 1, .max, .min, 1_234_567_890] {
            expectSame(.integer(integer))
        }
        expectSame(.double(1.5))
        expectSame(.array([.null, .bool(true), .bool(false), .array([]), .object([:])]))
        let mixed: JSONObject = [
            "v": .integer(1), "t": .string("x"), "is": .string("UTO"),
            "ve": .array([.object(["b": .integer(1), "a": .integer(2)])]), "A": .null, "_": .bool(true),
        ]
        expectSame(.object(mixed))
        expectSame(.object(["ve": .array([.object(["b": .integer(1), "a": .double(2.5)])])]))
        // Non-ASCII names (UTF-16 order differs from byte order), and repeated names.
        expectSame(.object(["\u{FB33}": .integer(2), "\u{1F600}": .integer(1), "a": .integer(0)]))
        expectSame(
            .object(
                JSONObject(uniqueMembers: [
                    .init(key: "b", value: .integer(1)), .init(key: "a", value: .integer(2)),
                    .init(key: "b", value: .integer(3)),
                ])))
        var deep: JSONValue = .object(["leaf": .integer(1)])
        for _ in 0..<40 { deep = .object(["k": deep, "a": .array([.integer(1)])]) }
        expectSame(deep)
    }
}
