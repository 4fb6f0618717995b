import Base45
import TestSupport
import Testing

@Suite("Base45 (RFC 9285)")
struct Base45Tests {
    /// The examples of RFC 9285 sections 4.3 and 4.4.
    @Test(arguments: [
        ("AB", "BB8"),
        ("Hello!!", "%69 VD92EX0"),
        ("base-45", "UJCLQE7W581"),
        ("ietf!", "QED8WEX0"),
        ("", ""),
    ])
    func rfcExamples(plain: String, encoded: String) throws {
        #expect(Base45.encode(Array(plain.utf8)) == encoded)
        #expect(try Base45.decode(encoded) == Array(plain.utf8))
    }

    @Test func roundTripsEveryLengthAndByteValue() throws {
        var generator = SeededGenerator(seed: 45)
        for length in 0..<300 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(try Base45.decode(Base45.encode(bytes)) == bytes)
        }
        let extremes: [[UInt8]] = [[0xFF, 0xFF], [0xFF], [0x00], [0x00, 0x00]]
        for bytes in extremes { #expect(try Base45.decode(Base45.encode(bytes)) == bytes) }
    }

    @Test(arguments: [
        ("GGW", "BASE45_VALUE_OUT_OF_RANGE"),  // 65536 + ... > 65535 ("GGW" = 16+16*45+32*2025 = 65536)
        (":::", "BASE45_VALUE_OUT_OF_RANGE"),
        ("::", "BASE45_VALUE_OUT_OF_RANGE"),  // 44 + 44*45 > 255
        ("A", "BASE45_INVALID_LENGTH"),
        ("ABCD", "BASE45_INVALID_LENGTH"),
        ("ab", "BASE45_INVALID_CHARACTER"),  // lower case is not in the alphabet
        ("A\u{00C4}", "BASE45_INVALID_CHARACTER"),  // 3 UTF-8 bytes, one not in the alphabet
        ("AB\n", "BASE45_INVALID_CHARACTER"),
    ])
    func rejectsInvalidText(text: String, code: String) {
        #expect {
            _ = try Base45.decode(text)
        } throws: { error in
            (error as? Base45Error)?.code == code
        }
    }

    @Test func rejectsTextAboveTheLimit() {
        let text = String(repeating: "AAA", count: 10)
        #expect(throws: Base45Error.self) { _ = try Base45.decode(text, maxLength: 29) }
        #expect(throws: Never.self) { _ = try Base45.decode(text, maxLength: 30) }
    }

    @Test func everyPrefixDecodesOrFailsWithACode() throws {
        let encoded = Base45.encode(Array("The quick brown fox jumps over the lazy dog".utf8))
        for end in 0...encoded.count {
            let prefix = String(encoded.prefix(end))
            do {
                let bytes = try Base45.decode(prefix)
                #expect(end % 3 != 1)
                #expect(bytes.count == end / 3 * 2 + (end % 3 == 2 ? 1 : 0))
            } catch let error as Base45Error {
                // A cut after one character of a triplet is a bad length; a cut after two can leave a
                // final pair above 255.
                let expected = end % 3 == 1 ? "BASE45_INVALID_LENGTH" : "BASE45_VALUE_OUT_OF_RANGE"
                #expect(end % 3 != 0 && error.code == expected)
            }
        }
    }
}
