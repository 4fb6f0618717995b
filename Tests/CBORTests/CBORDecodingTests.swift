import CBOR
import Testing
import TestSupport

@Suite("Decoding")
struct CBORDecodingTests {
    @Test("every node's encodedBytes is the exact slice of the input it came from")
    func encodedBytesAreSlices() throws {
        // [1, h'0102', {"a": 24(h'f6')}, 2(h'01')] with a non-shortest head for the 1.
        let input = try bytes("84 1801 420102 a1 6161 d818 41f6 c2 4101")
        let node = try CBOR.decode(input)
        #expect(node.encodedBytes.indices == input.indices)
        let items = try #require(node.arrayValue)
        #expect(items.count == 4)
        #expect(Hex.encode(items[0].encodedBytes) == "1801")
        #expect(items[0].encodedBytes.startIndex == 1)
        #expect(Hex.encode(items[1].encodedBytes) == "420102")
        #expect(items[1].encodedBytes.startIndex == 3)
        #expect(Hex.encode(items[2].encodedBytes) == "a16161d81841f6")
        let entry = try #require(items[2].mapEntries?.first)
        #expect(Hex.encode(entry.key.encodedBytes) == "6161")
        // A tagged node's bytes start with its tag head.
        #expect(Hex.encode(entry.value.encodedBytes) == "d81841f6")
        #expect(Hex.encode(entry.value.untagged.encodedBytes) == "41f6")
        #expect(Hex.encode(items[3].encodedBytes) == "c24101")
    }

    @Test("slices keep the indices of a slice input, also for a nested decode of a byte string")
    func nestedDecodeKeepsIndices() throws {
        // A COSE-like array whose first item is a byte string holding an encoded map {1: -7}.
        let input = try bytes("ff ff 82 43 a10126 f6")
        let outer = try CBOR.decode(input[2...])
        #expect(outer.encodedBytes.startIndex == 2)
        let protected = try #require(outer.arrayValue?.first?.bytesValue)
        #expect(protected.startIndex == 4)
        let header = try CBOR.decode(protected)
        #expect(header.encodedBytes.startIndex == 4)
        #expect(header.value(forKey: 1)?.int64Value == -7)
        #expect(header.value(forKey: 1)?.encodedBytes.startIndex == 6)
    }

    @Test("byte strings and encoded bytes share the input's storage (no copy)")
    func zeroCopy() throws {
        let input = try bytes("82 4401020304 6474657874")
        let node = try CBOR.decode(input)
        let items = try #require(node.arrayValue)
        let content = try #require(items[0].bytesValue)
        input.withUnsafeBufferPointer { original in
            content.withUnsafeBufferPointer { slice in
                #expect(slice.baseAddress == original.baseAddress.map { $0 + 2 })
            }
            items[1].encodedBytes.withUnsafeBufferPointer { slice in
                #expect(slice.baseAddress == original.baseAddress.map { $0 + 6 })
            }
        }
    }

    @Test("accepts non-shortest heads (lenient decoding)")
    func nonShortestHeads() throws {
        for hex in ["1801", "190001", "1a00000001", "1b0000000000000001"] {
            #expect(try CBOR.decode(bytes(hex)).unsignedValue == 1, "\(hex)")
        }
        #expect(try CBOR.decode(bytes("3b0000000000000000")).int64Value == -1)
        #expect(try CBOR.decode(bytes("5800")).bytesValue?.isEmpty == true)
        #expect(try CBOR.decode(bytes("790002 6869")).textValue == "hi")
        #expect(try CBOR.decode(bytes("9a00000001 00")).arrayValue?.count == 1)
        #expect(try CBOR.decode(bytes("b80101 02")).mapEntries?.count == 1)
        #expect(try CBOR.decode(bytes("d9000100")).tag == 1)
    }

    @Test("decodes indefinite-length strings by concatenating the chunks")
    func indefiniteStrings() throws {
        #expect(try CBOR.decode(bytes("5fff")).bytesValue?.isEmpty == true)
        #expect(try CBOR.decode(bytes("7fff")).textValue == "")
        #expect(try CBOR.decode(bytes("5f 40 4101 40 ff")).bytesValue.map(Array.init) == [1])
        // Chunks may use non-shortest heads; each chunk is valid UTF-8 on its own.
        #expect(try CBOR.decode(bytes("7f 780161 62c3bc ff")).textValue == "a\u{00fc}")
    }

    @Test("decodes all float widths, keeping the width in the encoded bytes")
    func floatWidths() throws {
        for hex in ["f93e00", "fa3fc00000", "fb3ff8000000000000"] {
            let node = try CBOR.decode(bytes(hex))
            #expect(node.doubleValue == 1.5)
            #expect(Hex.encode(node.encodedBytes) == hex)
            #expect(try CBOR.encode(node.value) == bytes("f93e00"))
        }
    }

    @Test("every half float decodes to its exact value and re-encodes to the same two bytes")
    func everyHalfFloat() throws {
        var mismatches = 0
        for bits in 0...UInt16.max {
            let input: [UInt8] = [0xf9, UInt8(bits >> 8), UInt8(bits & 0xff)]
            guard case .float(let value) = try CBOR.decode(input).content else {
                Issue.record("f9 \(bits) did not decode to a float")
                continue
            }
            // Independent reference: sign * significand * 2^exponent.
            let exponent = Int((bits >> 10) & 0x1f)
            let fraction = Double(bits & 0x3ff)
            let magnitude: Double =
                switch exponent {
                case 0: fraction * 0x1p-24
                case 31: fraction == 0 ? .infinity : .nan
                default: (1 + fraction / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
                }
            let expected = bits & 0x8000 == 0 ? magnitude : -magnitude
            let encoded = try CBOR.encode(.float(value))
            let expectedEncoding = expected.isNaN ? [0xf9, 0x7e, 0x00] : input
            if !(expected.isNaN ? value.isNaN : value.bitPattern == expected.bitPattern) || encoded != expectedEncoding
            {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }

    @Test("decodes simple values")
    func simpleValues() throws {
        #expect(try CBOR.decode(bytes("e0")).content == .simple(0))
        #expect(try CBOR.decode(bytes("f3")).content == .simple(19))
        #expect(try CBOR.decode(bytes("f820")).content == .simple(32))
        #expect(try CBOR.decode(bytes("f4")).boolValue == false)
        #expect(try CBOR.decode(bytes("f6")).isNull)
        #expect(try CBOR.decode(bytes("f7")).content == .undefined)
    }

    @Test("keeps map entries in encoded order and looks keys up by value")
    func mapAccess() throws {
        // {"b": 1, 1: "one", -1: "minus one", "a": 2, 0: h'00'} (not in deterministic order).
        let node = try CBOR.decode(bytes("a5 6162 01 01 636f6e65 20 696d696e7573206f6e65 6161 02 00 4100"))
        let keys = try #require(node.mapEntries).map(\.key.value)
        #expect(keys == ["b", 1, -1, "a", 0])
        #expect(node.value(forKey: "b")?.int64Value == 1)
        #expect(node.value(forKey: "a")?.int64Value == 2)
        #expect(node.value(forKey: 1)?.textValue == "one")
        #expect(node.value(forKey: -1)?.textValue == "minus one")
        #expect(node.value(forKey: 0)?.bytesValue.map(Array.init) == [0])
        #expect(node.value(forKey: 2) == nil)
        #expect(node.value(forKey: "c") == nil)
        // Not a map: every lookup is nil.
        #expect(try CBOR.decode(bytes("80")).value(forKey: 0) == nil)
    }

    @Test("text keys are compared by bytes, not by Unicode canonical equivalence")
    func textKeysByBytes() throws {
        // {"é" (U+00E9): 1, "é" (e + U+0301): 2}: distinct keys that Swift's String == would call equal.
        let node = try CBOR.decode(bytes("a2 62c3a9 01 63 65cc81 02"))
        #expect(node.value(forKey: "\u{00e9}")?.int64Value == 1)
        #expect(node.value(forKey: "e\u{0301}")?.int64Value == 2)
    }

    @Test("accessors return nil on a type mismatch and handle the integer edges")
    func accessors() throws {
        let text = try CBOR.decode(bytes("6161"))
        #expect(text.unsignedValue == nil)
        #expect(text.int64Value == nil)
        #expect(text.doubleValue == nil)
        #expect(text.bytesValue == nil)
        #expect(text.arrayValue == nil)
        #expect(text.mapEntries == nil)
        #expect(text.tag == nil)
        #expect(text.boolValue == nil)
        #expect(try CBOR.decode(bytes("4161")).textValue == nil)
        #expect(try CBOR.decode(bytes("1bffffffffffffffff")).int64Value == nil)
        #expect(try CBOR.decode(bytes("1b7fffffffffffffff")).int64Value == Int64.max)
        #expect(try CBOR.decode(bytes("3b7fffffffffffffff")).int64Value == Int64.min)
        #expect(try CBOR.decode(bytes("3b8000000000000000")).int64Value == nil)
        #expect(try CBOR.decode(bytes("3b8000000000000000")).unsignedValue == nil)
        #expect(try CBOR.decode(bytes("29")).doubleValue == -10)
        #expect(try CBOR.decode(bytes("0a")).doubleValue == 10)
    }

    @Test("untagged strips every tag; tag gives the outermost")
    func tags() throws {
        let node = try CBOR.decode(bytes("c1 d818 d9d9f7 01"))
        #expect(node.tag == 1)
        #expect(node.untagged.unsignedValue == 1)
        #expect(Hex.encode(node.untagged.encodedBytes) == "01")
        guard case .tagged(_, let inner) = node.content else {
            Issue.record("not tagged")
            return
        }
        #expect(inner.tag == 24)
        #expect(Hex.encode(inner.encodedBytes) == "d818d9d9f701")
        #expect(try CBOR.decode(bytes("01")).untagged.unsignedValue == 1)
    }

    @Test("nodes are equal when their encoded bytes are equal")
    func nodeEquality() throws {
        let one = try CBOR.decode(bytes("01"))
        let oneLong = try CBOR.decode(bytes("1801"))
        #expect(one != oneLong)
        #expect(one.content == oneLong.content)
        #expect(try one == CBOR.decode(bytes("01")))
        // A NaN node equals itself (bytes), although NaN != NaN as a Double.
        let nan = try CBOR.decode(bytes("f97e00"))
        #expect(nan == nan)
        #expect(Set([one, try CBOR.decode(bytes("01")), oneLong]).count == 2)
    }

    @Test("converts to a CBORValue")
    func valueConversion() throws {
        let node = try CBOR.decode(bytes("a2 01 82 f5 f6 6161 c1 fa3fc00000"))
        #expect(node.value == [1: [true, .null], "a": .tagged(1, .float(1.5))])
    }

    @Test("with allowTrailingBytes, decodes the first item and reports where it ends")
    func trailingBytesAllowed() throws {
        let input = try bytes("83010203 ffff")
        let node = try CBOR.decode(input, options: .init(allowTrailingBytes: true))
        #expect(node.encodedBytes.endIndex == 4)
        #expect(node.arrayValue?.count == 3)
    }

    @Test("with rejectDuplicateKeys off, keeps every entry")
    func duplicatesAllowed() throws {
        let node = try CBOR.decode(bytes("a2 01 02 01 03"), options: .init(rejectDuplicateKeys: false))
        #expect(node.mapEntries?.count == 2)
        #expect(node.value(forKey: 1)?.int64Value == 2)
    }
}
