import CBOR
import Testing
import TestSupport

/// The shape of the verification hot path: a ~300-byte map of 20 text and integer entries. These tests check the
/// properties that keep decoding cheap (no copies of strings or bytes, one pass); timing is measured separately.
@Suite("Hot-path payload")
struct CBORPayloadTests {
    static let names = [
        "ver", "nam", "fn", "fnt", "gn", "gnt", "dob", "tg", "vp", "mp", "ma", "dn", "sd", "dt", "co", "is", "ci",
        "v", "t", "r",
    ]

    /// The payload's entries in the order an issuer might write them (not deterministic order).
    static let entries: [CBORValue.MapEntry] = names.enumerated().map { index, name in
        CBORValue.MapEntry(
            .textString(name),
            index.isMultiple(of: 3) ? .integer(Int64(index) * 1_000_003) : .textString("value-\(name)-\(index)xx"))
    }

    static func unsortedEncoding() -> [UInt8] {
        var serializer = CBORSerializer()
        serializer.appendMapHeader(count: entries.count)
        for entry in entries {
            if case .textString(let key) = entry.key { serializer.appendTextString(key) }
            switch entry.value {
            case .textString(let text): serializer.appendTextString(text)
            case .unsigned(let value): serializer.appendHead(majorType: 0, argument: value)
            default: break
            }
        }
        return serializer.bytes
    }

    @Test("decodes in both key orders, with every node's bytes inside the input buffer")
    func decodesWithoutCopies() throws {
        let unsorted = Self.unsortedEncoding()
        let sorted = try CBOR.encode(.map(Self.entries))
        #expect(unsorted.count > 250 && unsorted.count < 320)
        #expect(sorted.count == unsorted.count && sorted != unsorted)
        for input in [unsorted, sorted] {
            let node = try CBOR.decode(input)
            let entries = try #require(node.mapEntries)
            #expect(entries.count == 20)
            // Every key's and value's bytes (and so its string content) lie inside the input's own storage.
            let storage = input.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
            for child in entries.flatMap({ [$0.key, $0.value] }) {
                let address = child.encodedBytes.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
                #expect(address >= storage && address < storage + UInt(input.count))
            }
            for (index, name) in Self.names.enumerated() {
                let value = try #require(node.value(forKey: name))
                if index.isMultiple(of: 3) {
                    #expect(value.int64Value == Int64(index) * 1_000_003)
                } else {
                    #expect(value.textValue == "value-\(name)-\(index)xx")
                }
            }
        }
    }

    @Test("a duplicate key anywhere in the payload is found, in either order")
    func duplicateInPayload() throws {
        var serializer = CBORSerializer()
        serializer.appendMapHeader(count: 21)
        for name in Self.names + ["gnt"] {
            serializer.appendTextString(name)
            serializer.appendNull()
        }
        #expect(cborErrorCode { _ = try CBOR.decode(serializer.bytes) } == "CBOR_DUPLICATE_KEY")
    }
}
