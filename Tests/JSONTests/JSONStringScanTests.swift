import JSON
import Testing

/// The string scanner skips plain ASCII eight bytes at a time and stops on the first byte that needs attention.
/// These tests put each kind of such byte at every offset of the first and second window, with plain bytes
/// before and after it, so that a wrong stop (too early, too late, or past the byte) changes the result.
struct JSONStringScanTests {
    /// A byte that ends or interrupts the fast scan, how it is written inside the JSON string, and what it
    /// decodes to (nil: the document must be refused).
    struct Special: CustomTestStringConvertible, Sendable {
        let name: String
        let encoded: [UInt8]
        let decoded: String?
        var testDescription: String { name }
    }

    static let specials: [Special] = [
        Special(name: "escaped quote", encoded: Array(#"\""#.utf8), decoded: "\""),
        Special(name: "escaped backslash", encoded: Array(#"\\"#.utf8), decoded: "\\"),
        Special(name: "unicode escape", encoded: Array(#"\u00e9"#.utf8), decoded: "é"),
        Special(name: "two-byte UTF-8", encoded: Array("ß".utf8), decoded: "ß"),
        Special(name: "three-byte UTF-8", encoded: Array("€".utf8), decoded: "€"),
        Special(name: "four-byte UTF-8", encoded: Array("𝄞".utf8), decoded: "𝄞"),
        Special(name: "DEL (plain)", encoded: [0x7F], decoded: "\u{7F}"),
        Special(name: "space (plain)", encoded: [0x20], decoded: " "),
        Special(name: "raw tab", encoded: [0x09], decoded: nil),
        Special(name: "raw NUL", encoded: [0x00], decoded: nil),
        Special(name: "lone continuation byte", encoded: [0x80], decoded: nil),
    ]

    @Test(arguments: specials)
    func specialByteAtEveryOffset(_ special: Special) throws {
        for before in 0...17 {
            for after in [0, 1, 7, 8, 9, 20] {
                let prefix = String(repeating: "a", count: before)
                let suffix = String(repeating: "z", count: after)
                let bytes = Array("[\"".utf8) + Array(prefix.utf8) + special.encoded + Array(suffix.utf8) + Array("\",1]".utf8)
                if let decoded = special.decoded {
                    let value = try JSONParser.parse(bytes)
                    #expect(value == .array([.string(prefix + decoded + suffix), .integer(1)]), "\(before) before, \(after) after")
                } else {
                    #expect(parseError(bytes) != nil, "\(before) before, \(after) after")
                }
            }
        }
    }

    @Test func closingQuoteAtEveryOffset() throws {
        for length in 0...40 {
            let text = String((0..<length).map { Character(Unicode.Scalar(UInt8(0x41 + $0 % 26))) })
            // The string ends at every offset of a window, and is followed by another member.
            let value = try JSONParser.parse("{\"\(text)\":\"\(text)\",\"n\":\(length)}")
            #expect(value["\(text)"]?.stringValue == text)
            #expect(value["n"]?.integerValue == Int64(length))
        }
    }

    @Test func unterminatedStringAtEveryLength() {
        for length in 0...24 {
            let text = "[\"" + String(repeating: "q", count: length)
            #expect(parseError(text)?.errorCode == .unexpectedEnd, "length \(length)")
        }
    }
}
