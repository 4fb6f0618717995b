import CBOR
import Testing
import TestSupport

@Suite("Limits")
struct CBORLimitsTests {
    /// `depth` nested arrays around a 0.
    static func nestedArrays(_ depth: Int) -> [UInt8] {
        Array(repeating: 0x81, count: depth) + [0x00]
    }

    @Test("testRejectsNestingDeeperThanMaxDepth: arrays, maps and tags all count")
    func depth() throws {
        #expect(cborErrorCode { _ = try CBOR.decode(Self.nestedArrays(32)) } == nil)
        #expect(cborErrorCode { _ = try CBOR.decode(Self.nestedArrays(33)) } == "CBOR_TOO_DEEP")
        // Maps (as values and as keys) and tags.
        let maps = Array(repeating: [UInt8]([0xa1, 0x00]), count: 33).joined() + [0x00]
        #expect(cborErrorCode { _ = try CBOR.decode(Array(maps)) } == "CBOR_TOO_DEEP")
        let mapKeys = Array(repeating: UInt8(0xa1), count: 33) + [0x00] + Array(repeating: 0x00, count: 33)
        #expect(cborErrorCode { _ = try CBOR.decode(mapKeys) } == "CBOR_TOO_DEEP")
        let tags = Array(repeating: UInt8(0xc1), count: 33) + [0x00]
        #expect(cborErrorCode { _ = try CBOR.decode(tags) } == "CBOR_TOO_DEEP")
        #expect(cborErrorCode { _ = try CBOR.decode(Array(tags.dropFirst())) } == nil)
        let indefinite = Array(repeating: UInt8(0x9f), count: 33) + [0x00] + Array(repeating: 0xff, count: 33)
        #expect(cborErrorCode { _ = try CBOR.decode(indefinite) } == "CBOR_TOO_DEEP")
    }

    @Test("maxDepth is configurable and capped at maximumSupportedDepth")
    func configurableDepth() throws {
        #expect(cborErrorCode { _ = try CBOR.decode([0x01], options: .init(maxDepth: 0)) } == nil)
        #expect(cborErrorCode { _ = try CBOR.decode([0x80], options: .init(maxDepth: 0)) } == "CBOR_TOO_DEEP")
        #expect(cborErrorCode { _ = try CBOR.decode([0xc1, 0x01], options: .init(maxDepth: 0)) } == "CBOR_TOO_DEEP")
        let generous = CBOR.DecodingOptions(maxDepth: 1_000_000)
        let limit = CBOR.maximumSupportedDepth
        #expect(cborErrorCode { _ = try CBOR.decode(Self.nestedArrays(limit), options: generous) } == nil)
        #expect(
            cborErrorCode { _ = try CBOR.decode(Self.nestedArrays(limit + 1), options: generous) } == "CBOR_TOO_DEEP")
        // Far deeper input fails cleanly, without recursing through it.
        #expect(cborErrorCode { _ = try CBOR.decode(Self.nestedArrays(100_000), options: generous) } == "CBOR_TOO_DEEP")
    }

    @Test("testRejectsMoreItemsThanMaxItems: every head counts")
    func items() throws {
        let array = try bytes("83010203")  // 4 items
        #expect(cborErrorCode { _ = try CBOR.decode(array, options: .init(maxItems: 4)) } == nil)
        #expect(cborErrorCode { _ = try CBOR.decode(array, options: .init(maxItems: 3)) } == "CBOR_TOO_LARGE")
        let indefinite = try bytes("9f010203ff")
        #expect(cborErrorCode { _ = try CBOR.decode(indefinite, options: .init(maxItems: 4)) } == nil)
        #expect(cborErrorCode { _ = try CBOR.decode(indefinite, options: .init(maxItems: 3)) } == "CBOR_TOO_LARGE")
        let tagged = try bytes("c1c201")  // 3 items
        #expect(cborErrorCode { _ = try CBOR.decode(tagged, options: .init(maxItems: 2)) } == "CBOR_TOO_LARGE")
        let chunks = try bytes("5f 41 01 41 02 ff")  // 3 items: the string and two chunks
        #expect(cborErrorCode { _ = try CBOR.decode(chunks, options: .init(maxItems: 3)) } == nil)
        #expect(cborErrorCode { _ = try CBOR.decode(chunks, options: .init(maxItems: 2)) } == "CBOR_TOO_LARGE")
        let map = try bytes("a2 01 02 03 04")  // 5 items
        #expect(cborErrorCode { _ = try CBOR.decode(map, options: .init(maxItems: 4)) } == "CBOR_TOO_LARGE")
    }

    @Test("testRejectsInputLargerThanMaxInputSize")
    func inputSize() throws {
        let input = [0x58, 0x10] + Array(repeating: UInt8(0), count: 16)
        #expect(cborErrorCode { _ = try CBOR.decode(input, options: .init(maxInputSize: 18)) } == nil)
        #expect(cborErrorCode { _ = try CBOR.decode(input, options: .init(maxInputSize: 17)) } == "CBOR_TOO_LARGE")
        let big = [UInt8](repeating: 0, count: (1 << 20) + 1)
        #expect(cborErrorCode { _ = try CBOR.decode(big) } == "CBOR_TOO_LARGE")
    }

    @Test("testRejectsTrailingBytes unless allowed")
    func trailingBytes() throws {
        let input = try bytes("a0 00")
        #expect(cborErrorCode { _ = try CBOR.decode(input) } == "CBOR_TRAILING_BYTES")
        #expect(cborErrorCode { _ = try CBOR.decode(input, options: .init(allowTrailingBytes: true)) } == nil)
    }

    @Test("long arrays and maps beyond the in-place size decode, and large declared counts are bounded by the input")
    func longContainers() throws {
        var serializer = CBORSerializer()
        serializer.appendArrayHeader(count: 1000)
        for index in 0..<1000 { serializer.appendInteger(Int64(index)) }
        let array = try CBOR.decode(serializer.bytes)
        #expect(array.arrayValue?.count == 1000)
        #expect(array.arrayValue?.last?.int64Value == 999)

        let map = CBORValue.map((0..<500).reversed().map { CBORValue.MapEntry(.integer($0), .textString("v\($0)")) })
        let encoded = try CBOR.encode(map)
        let decoded = try CBOR.decode(encoded)
        #expect(decoded.mapEntries?.count == 500)
        #expect(decoded.value(forKey: 499)?.textValue == "v499")
        // The same entries unsorted and with one duplicate.
        var unsorted = CBORSerializer()
        unsorted.appendMapHeader(count: 500)
        for index in (0..<500).reversed() {
            unsorted.appendInteger(index == 0 ? 250 : Int64(index))
            unsorted.appendNull()
        }
        #expect(cborErrorCode { _ = try CBOR.decode(unsorted.bytes) } == "CBOR_DUPLICATE_KEY")
        // 100 000 declared items need at least 100 000 bytes.
        #expect(try decodeErrorCode("9a000186a0 00") == "CBOR_TRUNCATED")
    }
}
