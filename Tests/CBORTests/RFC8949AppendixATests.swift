import CBOR
import Testing
import TestSupport

/// One example of RFC 8949 Appendix A ("Examples of Encoded CBOR Data Items"), table 6.
struct AppendixExample: CustomTestStringConvertible, Sendable {
    /// The diagnostic notation as printed in the RFC.
    let diagnostic: String
    /// The encoding as printed in the RFC.
    let hex: String
    /// The expected decoded value.
    let value: CBORValue
    /// Whether the RFC's encoding is the deterministic one, so that encoding `value` must give `hex` back.
    let deterministic: Bool

    init(_ diagnostic: String, _ hex: String, _ value: CBORValue, deterministic: Bool = true) {
        self.diagnostic = diagnostic
        self.hex = hex
        self.value = value
        self.deterministic = deterministic
    }

    var testDescription: String { "\(diagnostic) = 0x\(hex)" }
}

/// The table of RFC 8949 Appendix A, written from the RFC text. The last eleven examples use indefinite lengths and
/// the six float examples marked non-deterministic use a wider encoding than needed; those decode only.
let appendixA: [AppendixExample] = {
    let oneTo25 = CBORValue.array((1...25).map { CBORValue.integer(Int64($0)) })
    let nested: CBORValue = [1, [2, 3], [4, 5]]
    return [
        AppendixExample("0", "00", 0),
        AppendixExample("1", "01", 1),
        AppendixExample("10", "0a", 10),
        AppendixExample("23", "17", 23),
        AppendixExample("24", "1818", 24),
        AppendixExample("25", "1819", 25),
        AppendixExample("100", "1864", 100),
        AppendixExample("1000", "1903e8", 1000),
        AppendixExample("1000000", "1a000f4240", 1_000_000),
        AppendixExample("1000000000000", "1b000000e8d4a51000", 1_000_000_000_000),
        AppendixExample("18446744073709551615", "1bffffffffffffffff", .unsigned(UInt64.max)),
        AppendixExample(
            "18446744073709551616", "c249010000000000000000", .tagged(2, .byteString([1, 0, 0, 0, 0, 0, 0, 0, 0]))),
        AppendixExample("-18446744073709551616", "3bffffffffffffffff", .negative(UInt64.max)),
        AppendixExample(
            "-18446744073709551617", "c349010000000000000000", .tagged(3, .byteString([1, 0, 0, 0, 0, 0, 0, 0, 0]))),
        AppendixExample("-1", "20", -1),
        AppendixExample("-10", "29", -10),
        AppendixExample("-100", "3863", -100),
        AppendixExample("-1000", "3903e7", -1000),
        AppendixExample("0.0", "f90000", .float(0.0)),
        AppendixExample("-0.0", "f98000", .float(-0.0)),
        AppendixExample("1.0", "f93c00", .float(1.0)),
        AppendixExample("1.1", "fb3ff199999999999a", .float(1.1)),
        AppendixExample("1.5", "f93e00", .float(1.5)),
        AppendixExample("65504.0", "f97bff", .float(65504.0)),
        AppendixExample("100000.0", "fa47c35000", .float(100000.0)),
        AppendixExample("3.4028234663852886e+38", "fa7f7fffff", .float(3.4028234663852886e+38)),
        AppendixExample("1.0e+300", "fb7e37e43c8800759c", .float(1.0e+300)),
        AppendixExample("5.960464477539063e-8", "f90001", .float(5.960464477539063e-8)),
        AppendixExample("0.00006103515625", "f90400", .float(0.00006103515625)),
        AppendixExample("-4.0", "f9c400", .float(-4.0)),
        AppendixExample("-4.1", "fbc010666666666666", .float(-4.1)),
        AppendixExample("Infinity", "f97c00", .float(.infinity)),
        AppendixExample("NaN", "f97e00", .float(.nan)),
        AppendixExample("-Infinity", "f9fc00", .float(-.infinity)),
        AppendixExample("Infinity", "fa7f800000", .float(.infinity), deterministic: false),
        AppendixExample("NaN", "fa7fc00000", .float(.nan), deterministic: false),
        AppendixExample("-Infinity", "faff800000", .float(-.infinity), deterministic: false),
        AppendixExample("Infinity", "fb7ff0000000000000", .float(.infinity), deterministic: false),
        AppendixExample("NaN", "fb7ff8000000000000", .float(.nan), deterministic: false),
        AppendixExample("-Infinity", "fbfff0000000000000", .float(-.infinity), deterministic: false),
        AppendixExample("false", "f4", false),
        AppendixExample("true", "f5", true),
        AppendixExample("null", "f6", .null),
        AppendixExample("undefined", "f7", .undefined),
        AppendixExample("simple(16)", "f0", .simple(16)),
        AppendixExample("simple(255)", "f8ff", .simple(255)),
        AppendixExample(
            "0(\"2013-03-21T20:04:00Z\")", "c074323031332d30332d32315432303a30343a30305a",
            .tagged(0, "2013-03-21T20:04:00Z")),
        AppendixExample("1(1363896240)", "c11a514b67b0", .tagged(1, 1_363_896_240)),
        AppendixExample("1(1363896240.5)", "c1fb41d452d9ec200000", .tagged(1, .float(1_363_896_240.5))),
        AppendixExample("23(h'01020304')", "d74401020304", .tagged(23, .byteString([1, 2, 3, 4]))),
        AppendixExample(
            "24(h'6449455446')", "d818456449455446", .tagged(24, .byteString([0x64, 0x49, 0x45, 0x54, 0x46]))),
        AppendixExample(
            "32(\"http://www.example.com\")", "d82076687474703a2f2f7777772e6578616d706c652e636f6d",
            .tagged(32, "http://www.example.com")),
        AppendixExample("h''", "40", .byteString([])),
        AppendixExample("h'01020304'", "4401020304", .byteString([1, 2, 3, 4])),
        AppendixExample("\"\"", "60", ""),
        AppendixExample("\"a\"", "6161", "a"),
        AppendixExample("\"IETF\"", "6449455446", "IETF"),
        AppendixExample("\"\\\"\\\\\"", "62225c", "\"\\"),
        AppendixExample("\"\\u00fc\"", "62c3bc", "\u{00fc}"),
        AppendixExample("\"\\u6c34\"", "63e6b0b4", "\u{6c34}"),
        AppendixExample("\"\\ud800\\udd51\"", "64f0908591", "\u{10151}"),
        AppendixExample("[]", "80", []),
        AppendixExample("[1, 2, 3]", "83010203", [1, 2, 3]),
        AppendixExample("[1, [2, 3], [4, 5]]", "8301820203820405", nested),
        AppendixExample("[1, 2, 3, ..., 25]", "98190102030405060708090a0b0c0d0e0f101112131415161718181819", oneTo25),
        AppendixExample("{}", "a0", .map([])),
        AppendixExample("{1: 2, 3: 4}", "a201020304", [1: 2, 3: 4]),
        AppendixExample("{\"a\": 1, \"b\": [2, 3]}", "a26161016162820203", ["a": 1, "b": [2, 3]]),
        AppendixExample("[\"a\", {\"b\": \"c\"}]", "826161a161626163", ["a", ["b": "c"]]),
        AppendixExample(
            "{\"a\": \"A\", \"b\": \"B\", \"c\": \"C\", \"d\": \"D\", \"e\": \"E\"}",
            "a56161614161626142616361436164614461656145", ["a": "A", "b": "B", "c": "C", "d": "D", "e": "E"]),
        AppendixExample(
            "(_ h'0102', h'030405')", "5f42010243030405ff", .byteString([1, 2, 3, 4, 5]), deterministic: false),
        AppendixExample("(_ \"strea\", \"ming\")", "7f657374726561646d696e67ff", "streaming", deterministic: false),
        AppendixExample("[_ ]", "9fff", [], deterministic: false),
        AppendixExample("[_ 1, [2, 3], [_ 4, 5]]", "9f018202039f0405ffff", nested, deterministic: false),
        AppendixExample("[_ 1, [2, 3], [4, 5]]", "9f01820203820405ff", nested, deterministic: false),
        AppendixExample("[1, [2, 3], [_ 4, 5]]", "83018202039f0405ff", nested, deterministic: false),
        AppendixExample("[1, [_ 2, 3], [4, 5]]", "83019f0203ff820405", nested, deterministic: false),
        AppendixExample(
            "[_ 1, 2, 3, ..., 25]", "9f0102030405060708090a0b0c0d0e0f101112131415161718181819ff", oneTo25,
            deterministic: false),
        AppendixExample(
            "{_ \"a\": 1, \"b\": [_ 2, 3]}", "bf61610161629f0203ffff", ["a": 1, "b": [2, 3]], deterministic: false),
        AppendixExample("[\"a\", {_ \"b\": \"c\"}]", "826161bf61626163ff", ["a", ["b": "c"]], deterministic: false),
        AppendixExample(
            "{_ \"Fun\": true, \"Amt\": -2}", "bf6346756ef563416d7421ff", ["Fun": true, "Amt": -2], deterministic: false
        ),
    ]
}()

@Suite("RFC 8949 Appendix A")
struct RFC8949AppendixATests {
    @Test("the table has every example of the RFC")
    func tableIsComplete() {
        // RFC 8949 Appendix A has 81 examples: RFC 7049's simple(24) = 0xf818 is gone, as RFC 8949 section 3.3 makes
        // that encoding not well-formed (it is tested as a rejection). 17 of them are not in deterministic form: six
        // floats wider than needed, and eleven indefinite-length strings, arrays and maps.
        #expect(appendixA.count == 81)
        #expect(appendixA.filter(\.deterministic).count == 64)
    }

    @Test("decodes to the expected value", arguments: appendixA)
    func decodes(_ example: AppendixExample) throws {
        let input = try bytes(example.hex)
        let node = try CBOR.decode(input)
        #expect(sameValue(node.value, example.value), "decoded \(node.value)")
        #expect(Array(node.encodedBytes) == input)
        #expect(node.encodedBytes.startIndex == input.startIndex)
    }

    @Test("encodes deterministically to the RFC's bytes", arguments: appendixA.filter(\.deterministic))
    func encodes(_ example: AppendixExample) throws {
        #expect(Hex.encode(try CBOR.encode(example.value)) == example.hex)
    }

    @Test("re-encodes every example deterministically, and the result decodes to the same value", arguments: appendixA)
    func reencodes(_ example: AppendixExample) throws {
        let node = try CBOR.decode(try bytes(example.hex))
        let encoded = try CBOR.encode(node.value)
        #expect((Hex.encode(encoded) == example.hex) == example.deterministic)
        #expect(sameValue(try CBOR.decode(encoded).value, try sortedMaps(example.value)))
    }

    @Test("rejects every strict prefix with CBOR_TRUNCATED", arguments: appendixA)
    func truncation(_ example: AppendixExample) throws {
        let input = try bytes(example.hex)
        for end in input.indices {
            #expect(cborErrorCode { _ = try CBOR.decode(input[..<end]) } == "CBOR_TRUNCATED", "prefix of \(end) bytes")
        }
    }
}
