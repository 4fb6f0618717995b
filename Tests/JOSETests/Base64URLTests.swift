import JOSE
import TestSupport
import Testing

@Suite("Base64url (RFC 4648 section 5, unpadded)")
struct Base64URLTests {
    /// RFC 4648 section 10 test vectors, in the URL alphabet without padding.
    @Test(arguments: [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ])
    func rfc4648Vectors(plain: String, encoded: String) throws {
        #expect(Base64URL.encode(Array(plain.utf8)) == encoded)
        #expect(try Base64URL.decode(encoded) == Array(plain.utf8))
    }

    @Test func usesTheURLAlphabet() throws {
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
        #expect(try Base64URL.decode("-_8") == [0xFB, 0xFF])
    }

    @Test(arguments: ["Zg==", "Zm9v+", "Zm9v/", "Z", "Zh", "Zm9vY$"])
    func rejectsPaddingOtherAlphabetsBadLengthsAndTrailingBits(text: String) {
        #expect(throws: JOSEError.self) { _ = try Base64URL.decode(text) }
    }

    @Test func roundTripsRandomBytes() throws {
        var generator = SeededGenerator(seed: 7515)
        for length in 0..<200 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(try Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
    }
}
