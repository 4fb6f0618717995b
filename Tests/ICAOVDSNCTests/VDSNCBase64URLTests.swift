import Testing

@testable import ICAOVDSNC

@Suite("VDS-NC base64url: the four-at-a-time decoder reads exactly what the bit-by-bit one read")
struct VDSNCBase64URLTests {
    /// The former decoder, kept as the reference: strips up to two `=`, then reads six bits per character.
    static func reference(_ text: String) -> [UInt8]? {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var input = Array(text.utf8)
        var padding = 0
        while input.last == UInt8(ascii: "="), padding < 2 {
            input.removeLast()
            padding += 1
        }
        guard input.count % 4 != 1, padding == 0 || (input.count + padding) % 4 == 0 else { return nil }
        var output: [UInt8] = []
        var accumulator: UInt32 = 0
        var bits = 0
        for character in input {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            accumulator = (accumulator << 6 | UInt32(value)) & 0xFFFF
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        guard accumulator & ((1 << UInt32(bits)) - 1) == 0 else { return nil }
        return output
    }

    @Test func edgeCasesMatchTheReference() {
        let cases = [
            "", "=", "==", "===", "A", "AA", "AB", "AQ", "AQ=", "AQ==", "AQ===", "AAA", "AAE", "AAB", "AAE=", "AAE==",
            "AAAA", "AAAA=", "AAAA==", "+/+/", "AA/A", "AA A", "AA\nA", "-_-_", "____", "A=AA", "AAAAAQ", "AAAAAB",
            "AAAAAAE", "AAAAAAF", "é", "AAAé", "AA=A", "MIIBAAAA",
        ]
        for text in cases {
            #expect(VDSNCBase64URL.decode(text) == Self.reference(text), "\(text)")
        }
    }

    @Test func randomTextMatchesTheReference() {
        var generator = SystemRandomNumberGenerator()
        let characters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ ".utf8)
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...24, using: &generator)
            // Mostly valid characters, so that decoding gets far before an invalid one.
            let bytes = (0..<length).map { _ in
                Int.random(in: 0..<20, using: &generator) == 0
                    ? characters.randomElement(using: &generator)!
                    : characters[Int.random(in: 0..<64, using: &generator)]
            }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(VDSNCBase64URL.decode(text) == Self.reference(text), "\(text)")
        }
    }

    @Test func encodedBytesRoundTrip() {
        for count in 0..<70 {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(VDSNCBase64URL.decode(VDSNCBase64URL.encode(bytes)) == bytes)
        }
    }
}
