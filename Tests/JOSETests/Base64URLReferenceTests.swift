import JOSE
import TestSupport
import Testing

/// The block decoder of ``Base64URL`` against the bit-at-a-time decoder it replaced: same bytes, same error
/// codes and messages (offsets included), for valid, corrupted and truncated inputs.
@Suite("Base64url decoding matches the reference decoder")
struct Base64URLReferenceTests {
    /// The former decoder, kept as the specification of results and messages.
    static func referenceDecode(_ text: some StringProtocol) throws -> [UInt8] {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var values = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in alphabet.enumerated() { values[Int(character)] = UInt8(value) }
        let input = Array(text.utf8)
        guard input.count % 4 != 1 else {
            throw JOSEError(.invalidBase64URL, "expected unpadded base64url, found a length of \(input.count) (≡ 1 mod 4)")
        }
        var output: [UInt8] = []
        var accumulator: UInt32 = 0
        var bits = 0
        for (offset, character) in input.enumerated() {
            let value = values[Int(character)]
            guard value != 0xFF else {
                throw JOSEError(.invalidBase64URL, "expected a base64url character at offset \(offset), found byte \(character)")
            }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        guard accumulator & ((1 << UInt32(bits)) - 1) == 0 else {
            throw JOSEError(.invalidBase64URL, "expected zero bits after the last byte, found others")
        }
        return output
    }

    /// The decoded bytes, or the error's code and message.
    static func outcome(_ decode: () throws -> [UInt8]) -> String {
        do {
            return "ok \(try decode())"
        } catch let error as JOSEError {
            return "\(error.errorCode) \(error.message)"
        } catch {
            return "other \(error)"
        }
    }

    @Test func agreesOnRandomValidAndCorruptedInput() {
        var generator = SeededGenerator(seed: 4648)
        let characters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ .é\n")
        for length in 0..<80 {
            for round in 0..<20 {
                var text = String((0..<length).map { _ in characters[Int.random(in: 0..<64, using: &generator)] })
                if round % 3 == 1, length > 0 {
                    // One character from outside the alphabet (ASCII or not) at a random place.
                    var scalars = Array(text)
                    scalars[Int.random(in: 0..<length, using: &generator)] = characters[Int.random(in: 64..<characters.count, using: &generator)]
                    text = String(scalars)
                }
                let substring = ("x" + text + "y").dropFirst().dropLast()
                let expected = Self.outcome { try Self.referenceDecode(text) }
                #expect(Self.outcome { try Base64URL.decode(text) } == expected, "\(text)")
                #expect(Self.outcome { try Base64URL.decode(substring) } == expected, "\(text)")
            }
        }
    }

    @Test(arguments: ["Zg", "Zh", "Zm8", "Zm9", "Zm9vYg", "Zm9vYh", "Zm9vYmE", "Zm9vYmF", "_w", "__8", "___", "Zm9v$", "Zm$v"])
    func agreesOnTrailingBitsAndTails(text: String) {
        #expect(Self.outcome { try Base64URL.decode(text) } == Self.outcome { try Self.referenceDecode(text) })
    }
}
