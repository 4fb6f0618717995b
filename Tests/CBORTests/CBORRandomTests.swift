import CBOR
import Testing
import TestSupport

/// Seeded random tests: reproducible, and they only assert properties that must always hold.
@Suite("Random inputs")
struct CBORRandomTests {
    /// Decodes `input` and, when it decodes, checks the round-trip properties the fuzz target checks.
    static func checkDecodeProperties(_ input: [UInt8]) {
        let node: CBORNode
        do {
            node = try CBOR.decode(input)
        } catch is CBORError {
            return
        } catch {
            Issue.record("decode threw \(type(of: error))")
            return
        }
        #expect(node.encodedBytes.count == input.count)
        do {
            let encoded = try CBOR.encode(node.value)
            let again = try CBOR.decode(encoded)
            #expect(try CBOR.encode(again.value) == encoded)
            #expect(sameValue(again.value, node.value) || containsMap(node.value))
        } catch {
            Issue.record("a decoded value did not round-trip: \(error)")
        }
    }

    /// Map entries come back sorted, so structural comparison only applies without maps.
    static func containsMap(_ value: CBORValue) -> Bool {
        switch value {
        case .map: return true
        case .array(let items): return items.contains(where: containsMap)
        case .tagged(_, let inner): return containsMap(inner)
        default: return false
        }
    }

    @Test("random bytes decode or throw a CBORError, never crash")
    func randomBytes() {
        var generator = SeededGenerator(seed: 0x00C0_FFEE)
        // Bias towards bytes that start containers and strings, so that decoding gets somewhere.
        let interesting: [UInt8] = [
            0x00, 0x18, 0x1f, 0x20, 0x41, 0x5f, 0x61, 0x7f, 0x81, 0x9f, 0xa1, 0xbf, 0xc1, 0xd8, 0xf9, 0xfb, 0xff,
        ]
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...40, using: &generator)
            let input = (0..<count).map { _ in
                Bool.random(using: &generator)
                    ? interesting[Int.random(in: 0..<interesting.count, using: &generator)]
                    : UInt8.random(in: 0...255, using: &generator)
            }
            Self.checkDecodeProperties(input)
        }
    }

    @Test("mutated valid encodings decode or throw a CBORError, never crash")
    func mutations() throws {
        var generator = SeededGenerator(seed: 42)
        let seeds = try appendixA.map { try bytes($0.hex) }
        for _ in 0..<20_000 {
            var input = seeds[Int.random(in: 0..<seeds.count, using: &generator)]
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                switch Int.random(in: 0..<3, using: &generator) {
                case 0 where !input.isEmpty:
                    input[Int.random(in: 0..<input.count, using: &generator)] = UInt8.random(
                        in: 0...255, using: &generator)
                case 1:
                    input.insert(
                        UInt8.random(in: 0...255, using: &generator),
                        at: Int.random(in: 0...input.count, using: &generator))
                default:
                    if !input.isEmpty { input.remove(at: Int.random(in: 0..<input.count, using: &generator)) }
                }
            }
            Self.checkDecodeProperties(input)
        }
    }

    /// A random value of at most `depth` nested containers.
    static func randomValue(depth: Int, using generator: inout SeededGenerator) -> CBORValue {
        let kinds = depth > 0 ? 12 : 9
        switch Int.random(in: 0..<kinds, using: &generator) {
        case 0: return .unsigned(randomArgument(using: &generator))
        case 1: return .negative(randomArgument(using: &generator))
        case 2:
            return .byteString(
                (0..<Int.random(in: 0...30, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator)
                })
        case 3:
            let alphabet: [Character] = ["a", "Z", "0", " ", "\u{e9}", "\u{6c34}", "\u{1F600}", "e\u{301}"]
            let characters = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
            }
            return .textString(String(characters))
        case 4: return .bool(Bool.random(using: &generator))
        case 5:
            return [
                .null, .undefined, .simple(UInt8.random(in: 0...19, using: &generator)),
                .simple(UInt8.random(in: 32...255, using: &generator)),
            ][Int.random(in: 0..<4, using: &generator)]
        case 6:
            let specials: [Double] = [0, -0.0, 1.5, 65504, 100_000, 1.1, .infinity, -.infinity, .nan, 0x1p-24, 1e300]
            return .float(specials[Int.random(in: 0..<specials.count, using: &generator)])
        case 7: return .float(Double(bitPattern: generator.next()))
        case 8: return .float(Double(Float(bitPattern: UInt32(truncatingIfNeeded: generator.next()))))
        case 9:
            return .array(
                (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                    randomValue(depth: depth - 1, using: &generator)
                })
        case 10:
            return .tagged(randomArgument(using: &generator), randomValue(depth: depth - 1, using: &generator))
        default:
            var entries: [CBORValue.MapEntry] = []
            var keys: [[UInt8]] = []
            for _ in 0..<Int.random(in: 0...5, using: &generator) {
                let key = randomValue(depth: depth - 1, using: &generator)
                // Keep keys unique by value; the encoder would reject the map otherwise.
                guard let encodedKey = try? CBOR.encode(key), !keys.contains(encodedKey) else { continue }
                keys.append(encodedKey)
                entries.append(.init(key, randomValue(depth: depth - 1, using: &generator)))
            }
            return .map(entries)
        }
    }

    /// An argument near one of the head-size boundaries.
    static func randomArgument(using generator: inout SeededGenerator) -> UInt64 {
        let boundaries: [UInt64] = [0, 23, 24, 255, 256, 65535, 65536, 4_294_967_295, 4_294_967_296, UInt64.max]
        let base = boundaries[Int.random(in: 0..<boundaries.count, using: &generator)]
        return base &+ UInt64.random(in: 0...2, using: &generator) &- 1
    }

    @Test("random values round-trip: encode, decode, compare; the encoding is a fixed point")
    func roundTrip() throws {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<3_000 {
            let value = Self.randomValue(depth: 4, using: &generator)
            let encoded = try CBOR.encode(value)
            let node = try CBOR.decode(encoded, options: .init(maxDepth: 8))
            #expect(Array(node.encodedBytes) == encoded)
            #expect(sameValue(node.value, try sortedMaps(value)), "\(Hex.encode(encoded))")
            #expect(try CBOR.encode(node.value) == encoded)
        }
    }
}
