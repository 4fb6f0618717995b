import Testing
import TransparencyLog

@Suite("Merkle hash values")
struct MerkleHashTests {
    @Test func hexAndBytesRoundTrip() throws {
        let hex = "00ff10e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b78"
        let hash = try #require(MerkleHash(hex: hex))
        #expect(hash.description == hex)
        #expect(hash.bytes.count == 32)
        #expect(Array(hash.bytes.prefix(3)) == [0x00, 0xFF, 0x10])
        #expect(MerkleHash(bytes: hash.bytes) == hash)
        #expect(MerkleHash(hex: hex.uppercased()) == hash)
        #expect(hash.withUnsafeBytes { Array($0) } == hash.bytes)
    }

    @Test("rejects wrong lengths and non-hex text",
          arguments: ["", "00", String(repeating: "0", count: 63), String(repeating: "0", count: 65),
                      String(repeating: "g", count: 64), String(repeating: "é", count: 32)])
    func rejectsMalformedHex(text: String) {
        #expect(MerkleHash(hex: text) == nil)
    }

    @Test func rejectsWrongByteCounts() {
        #expect(MerkleHash(bytes: [UInt8](repeating: 1, count: 31)) == nil)
        #expect(MerkleHash(bytes: [UInt8](repeating: 1, count: 33)) == nil)
        #expect(MerkleHash(bytes: [UInt8]()) == nil)
    }

    @Test func equalityAndHashingUseAllBytes() throws {
        var bytes = [UInt8](repeating: 7, count: 32)
        let a = try #require(MerkleHash(bytes: bytes))
        bytes[31] = 8
        let b = try #require(MerkleHash(bytes: bytes))
        #expect(a != b)
        #expect(Set([a, b, a]).count == 2)
    }
}
