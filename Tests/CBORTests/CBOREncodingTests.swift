import CBOR
import Testing
import TestSupport

@Suite("Deterministic encoding")
struct CBOREncodingTests {
    static let heads: [(UInt64, String)] = [
        (UInt64(0), "00"), (23, "17"), (24, "1818"), (255, "18ff"), (256, "190100"), (65535, "19ffff"),
        (65536, "1a00010000"), (4_294_967_295, "1affffffff"), (4_294_967_296, "1b0000000100000000"),
        (UInt64.max, "1bffffffffffffffff"),
    ]

    @Test("integers and lengths use the shortest head", arguments: heads)
    func shortestHeads(argument: UInt64, hex: String) throws {
        #expect(Hex.encode(try CBOR.encode(.unsigned(argument))) == hex)
        // The same head shape for every major type.
        var serializer = CBORSerializer()
        serializer.appendHead(majorType: 6, argument: argument)
        #expect(serializer.bytes.first == (try bytes(hex)).first.map { $0 | 0xc0 })
        #expect(serializer.bytes.count == hex.count / 2)
    }

    @Test("string and container lengths use the shortest head")
    func shortestLengths() throws {
        #expect(Hex.encode(try CBOR.encode(.byteString(Array(repeating: 7, count: 23)))).hasPrefix("57"))
        #expect(Hex.encode(try CBOR.encode(.byteString(Array(repeating: 7, count: 24)))).hasPrefix("5818"))
        #expect(Hex.encode(try CBOR.encode(.textString(String(repeating: "x", count: 256)))).hasPrefix("790100"))
        #expect(Hex.encode(try CBOR.encode(.array(Array(repeating: .null, count: 24)))).hasPrefix("9818"))
        let map = CBORValue.map((0..<24).map { CBORValue.MapEntry(.integer($0), .null) })
        #expect(Hex.encode(try CBOR.encode(map)).hasPrefix("b818"))
    }

    @Test("negative integers")
    func negativeIntegers() throws {
        #expect(Hex.encode(try CBOR.encode(-1)) == "20")
        #expect(Hex.encode(try CBOR.encode(-24)) == "37")
        #expect(Hex.encode(try CBOR.encode(-25)) == "3818")
        #expect(Hex.encode(try CBOR.encode(.integer(Int64.min))) == "3b7fffffffffffffff")
        #expect(Hex.encode(try CBOR.encode(.integer(Int64.max))) == "1b7fffffffffffffff")
        #expect(CBORValue.integer(-1) == .negative(0))
        #expect(CBORValue.integer(0) == .unsigned(0))
    }

    @Test("map keys are sorted bytewise by their encoding")
    func mapKeyOrder() throws {
        let value: CBORValue = ["b": 1, "a": 2, 10: 3, -1: 4, 100: 5, "aa": 6, [1]: 7, .byteString([0]): 8, false: 9]
        // 0a, 1864, 20, 4100, 6161, 6162, 626161, 8101, f4
        #expect(
            Hex.encode(try CBOR.encode(value)) == "a9" + "0a03" + "186405" + "2004" + "410008" + "616102" + "616201"
                + "62616106" + "810107" + "f409")
    }

    @Test("nested maps are sorted too, and sorting does not disturb the surrounding bytes")
    func nestedMapOrder() throws {
        let value: CBORValue = [0, ["z": ["y": 1, "x": 2], "a": 0], 1]
        #expect(Hex.encode(try CBOR.encode(value)) == "8300a2616100617aa2617802617901" + "01")
    }

    @Test("rejects duplicate map keys, compared by encoding")
    func duplicateKeys() {
        func map(_ pairs: [(CBORValue, CBORValue)]) -> CBORValue { .map(pairs.map { CBORValue.MapEntry($0.0, $0.1) }) }
        #expect(cborErrorCode { _ = try CBOR.encode(map([(1, 1), (1, 2)])) } == "CBOR_DUPLICATE_KEY")
        #expect(cborErrorCode { _ = try CBOR.encode(map([("a", 1), ("b", 1), ("a", 2)])) } == "CBOR_DUPLICATE_KEY")
        #expect(
            cborErrorCode { _ = try CBOR.encode(map([(.float(1.0), 1), (.float(1.0), 2)])) } == "CBOR_DUPLICATE_KEY")
        #expect(
            cborErrorCode { _ = try CBOR.encode(map([(.float(.nan), 1), (.float(-.nan), 2)])) } == "CBOR_DUPLICATE_KEY")
        #expect(cborErrorCode { _ = try CBOR.encode([map([(2, 0), (2, 1)])]) } == "CBOR_DUPLICATE_KEY")
        // 1 and 1.0 are different keys.
        #expect(cborErrorCode { _ = try CBOR.encode([1: 1, .float(1.0): 2]) } == nil)
    }

    static let floats: [(Double, String)] = [
        (0.5, "f93800"), (-0.0, "f98000"), (65504.0, "f97bff"), (65505.0, "fa477fe100"),
        (0x1p-24, "f90001"), (3 * 0x1p-24, "f90003"), (0x1p-14, "f90400"), (0x1p-25, "fa33000000"),
        (1.0 / 3.0, "fb3fd5555555555555"), (Double(Float(1.0 / 3.0)), "fa3eaaaaab"),
        (Double(Float.leastNonzeroMagnitude), "fa00000001"), (Double.leastNonzeroMagnitude, "fb0000000000000001"),
        (Double.greatestFiniteMagnitude, "fb7fefffffffffffff"), (Double(Float.greatestFiniteMagnitude), "fa7f7fffff"),
        (Double.infinity, "f97c00"), (-Double.infinity, "f9fc00"), (Double.nan, "f97e00"),
        (-Double.nan, "f97e00"), (Double(bitPattern: 0x7ff0_0000_0000_0001), "f97e00"),
        (Double.signalingNaN, "f97e00"), (1_363_896_240.5, "fb41d452d9ec200000"),
    ]

    @Test("floats use the shortest width that keeps the value", arguments: floats)
    func floatNarrowing(value: Double, hex: String) throws {
        #expect(Hex.encode(try CBOR.encode(.float(value))) == hex)
    }

    @Test("re-encoding lenient input gives the deterministic form")
    func reencoding() throws {
        let cases = [
            ("1b0000000000000001", "01"),
            ("3900ff", "38ff"),
            ("9f0102ff", "820102"),
            ("5f42010243030405ff", "450102030405"),
            ("7f6161626263ff", "63616263"),
            ("bf 6162 01 6161 02 ff", "a2 6161 02 6162 01"),
            ("a3 0a 00 00 00 390100 00", "a3 00 00 0a 00 390100 00"),
            ("fb3ff8000000000000", "f93e00"),
            ("d9000118ff", "c118ff"),
        ]
        for (input, expected) in cases {
            let node = try CBOR.decode(bytes(input))
            #expect(try CBOR.encode(node.value) == bytes(expected), "\(input)")
        }
    }

    @Test("encode(into:) appends, and leaves the buffer unchanged on error")
    func encodeInto() throws {
        var buffer: [UInt8] = [0xaa]
        try CBOR.encode([1, "a"], into: &buffer)
        #expect(Hex.encode(buffer) == "aa82016161")
        let duplicate = CBORValue.map([.init(1, 0), .init(1, 1)])
        #expect(cborErrorCode { try CBOR.encode([0, duplicate], into: &buffer) } == "CBOR_DUPLICATE_KEY")
        #expect(Hex.encode(buffer) == "aa82016161")
    }

    @Test("the serializer writes heads, strings, tags and raw bytes")
    func serializer() throws {
        var serializer = CBORSerializer()
        serializer.appendArrayHeader(count: 4)
        serializer.appendTextString("Signature1")
        serializer.appendByteString([0xa1, 0x01, 0x26][...])
        serializer.appendByteString([UInt8]())
        serializer.appendRaw([0x43, 0x01, 0x02, 0x03])
        #expect(Hex.encode(serializer.bytes) == "846a5369676e61747572653143a101264043010203")

        var other = CBORSerializer()
        other.appendTag(18)
        other.appendMapHeader(count: 3)
        other.appendInteger(1)
        other.appendInteger(-7)
        other.appendInteger(-260)
        other.appendBool(true)
        other.appendInteger(Int64.min)
        other.appendNull()
        #expect(Hex.encode(other.bytes) == "d2a30126390103f53b7ffffffffffffffff6")

        var floats = CBORSerializer()
        floats.appendFloat(1.5)
        floats.appendFloat(100000.0)
        floats.appendFloat(1.1)
        try floats.appendValue(.simple(16))
        try floats.appendValue(.simple(255))
        try floats.appendValue(.undefined)
        #expect(Hex.encode(floats.bytes) == "f93e00fa47c35000fb3ff199999999999af0f8fff7")
    }

    @Test("literals build the expected values")
    func literals() {
        let value: CBORValue = ["a": [1, -2, 1.5, true, "x"], 3: .bytes([1, 2][...])]
        #expect(
            value
                == .map([
                    .init(
                        .textString("a"),
                        .array([.unsigned(1), .negative(1), .float(1.5), .bool(true), .textString("x")])),
                    .init(.unsigned(3), .byteString([1, 2])),
                ]))
    }

    @Test("encoding nests at most maximumSupportedDepth deep")
    func encoderDepth() {
        func nested(_ depth: Int) -> CBORValue {
            var value: CBORValue = 0
            for index in 0..<depth { value = index.isMultiple(of: 2) ? [value] : .tagged(1, value) }
            return value
        }
        #expect(cborErrorCode { _ = try CBOR.encode(nested(CBOR.maximumSupportedDepth)) } == nil)
        #expect(cborErrorCode { _ = try CBOR.encode(nested(CBOR.maximumSupportedDepth + 1)) } == "CBOR_TOO_DEEP")
    }
}
