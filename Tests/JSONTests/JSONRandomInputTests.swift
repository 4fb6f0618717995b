import JSON
import Testing

/// Seeded random and mutated inputs: the parser either returns a value that survives a round trip, or
/// throws a ``JSONError`` with an offset inside the input. It never traps.
struct JSONRandomInputTests {
    static let interestingBytes: [UInt8] = Array(#"{}[]:,"\/ -+.eE0123456789tfnulrsabu"#.utf8)
        + [0x00, 0x09, 0x0A, 0x0D, 0x7F, 0x80, 0xBF, 0xC2, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xFF]

    static func check(_ bytes: [UInt8]) {
        do {
            let value = try JSONParser.parse(bytes)
            let compact = JSONSerializer.serialize(value)
            #expect((try? JSONParser.parse(compact)) == value)
            _ = JSONSerializer.serialize(value, style: .canonical)
        } catch let error as JSONError {
            if let offset = error.offset {
                #expect(offset >= 0 && offset <= bytes.count)
            }
            #expect(!error.message.isEmpty)
        } catch {
            Issue.record("unexpected error type \(type(of: error))")
        }
    }

    @Test func randomBytes() {
        var generator = SeededGenerator(seed: 0x5EED_0001)
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...48, using: &generator)
            let bytes = (0..<length).map { _ in
                Bool.random(using: &generator)
                    ? Self.interestingBytes.randomElement(using: &generator)!
                    : UInt8.random(in: 0...255, using: &generator)
            }
            Self.check(bytes)
        }
    }

    @Test func mutatedDocuments() {
        let seeds = JSONParserLimitTests.documents.map { Array($0.utf8) }
        var generator = SeededGenerator(seed: 0x5EED_0002)
        for _ in 0..<20_000 {
            Self.check(Self.mutated(seeds.randomElement(using: &generator)!, using: &generator))
        }
    }

    /// `document` with one to four bytes replaced, removed or inserted (from ``interestingBytes``).
    static func mutated(_ document: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = document
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let index = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: bytes[index] = interestingBytes.randomElement(using: &generator)!
            case 1: bytes.remove(at: index)
            default: bytes.insert(interestingBytes.randomElement(using: &generator)!, at: index)
            }
            if bytes.isEmpty { break }
        }
        return bytes
    }
}
