@testable import JSON
import Testing

/// The parser hands out vocabulary strings for well-known member names and values; that must never change what
/// a parse returns.
@Suite("Vocabulary strings in parsed JSON")
struct JSONVocabularyTests {
    @Test func everyWordIsFoundAndParsesToItself() throws {
        for word in JSONVocabulary.words {
            let found = Array(word.utf8).withUnsafeBufferPointer { JSONVocabulary.word(matching: $0) }
            #expect(found == word)
            #expect(try JSONParser.parse("{\"\(word)\": \"\(word)\"}") == .object([word: .string(word)]))
        }
    }

    /// Strings of a word's length that differ in one byte (first, middle or last), or that are a word with a byte
    /// more or less, are not that word.
    @Test func nearMissesAreNotWords() throws {
        let words = Set(JSONVocabulary.words)
        var checked = 0
        for word in JSONVocabulary.words where word.utf8.count > 1 {
            let bytes = Array(word.utf8)
            var variants: [[UInt8]] = [bytes + [UInt8(ascii: "z")], Array(bytes.dropLast())]
            for index in Set([0, bytes.count / 2, bytes.count - 1]) {
                var changed = bytes
                changed[index] = changed[index] == UInt8(ascii: "q") ? UInt8(ascii: "r") : UInt8(ascii: "q")
                variants.append(changed)
            }
            for variant in variants {
                let text = String(decoding: variant, as: UTF8.self)
                let found = variant.withUnsafeBufferPointer { JSONVocabulary.word(matching: $0) }
                #expect(found == (words.contains(text) ? text : nil))
                #expect(try JSONParser.parse("[\"\(text)\"]") == .array([.string(text)]))
                checked += 1
            }
        }
        #expect(checked > 500)
    }

    @Test func escapedAndNonASCIISpellingsParseToTheSameText() throws {
        #expect(try JSONParser.parse(#"["\u0069ss", "r\u00e9source"]"#) == .array([.string("iss"), .string("résource")]))
    }
}
