import CBOR
import Testing

/// `CBORReader`: heads and text read as the decoder reads them, with errors (never a crash) on truncation.
@Suite("CBOR reader")
struct CBORReaderTests {
    @Test(arguments: [
        ([0x00], 0, 0, 0), ([0x17], 0, 23, 23), ([0x18, 0x18], 0, 24, 24), ([0x19, 0x03, 0xE8], 0, 25, 1000),
        ([0x1A, 0x00, 0x0F, 0x42, 0x40], 0, 26, 1_000_000),
        ([0x1B, 0x00, 0x00, 0x00, 0xE8, 0xD4, 0xA5, 0x10, 0x00], 0, 27, 1_000_000_000_000),
        ([0x38, 0x63], 1, 24, 99), ([0x9F], 4, 31, 0), ([0xBF], 5, 31, 0), ([0xD9, 0x03, 0xEC], 6, 25, 1004),
        ([0xF9, 0x3C, 0x00], 7, 25, 0x3C00), ([0xFF], 7, 31, 0),
    ] as [([UInt8], UInt8, UInt8, UInt64)])
    func readsHeads(bytes: [UInt8], majorType: UInt8, additionalInfo: UInt8, argument: UInt64) throws {
        try CBORReader.read(bytes[...]) { reader in
            let head = try reader.readHead()
            #expect(head.majorType == majorType)
            #expect(head.additionalInfo == additionalInfo)
            #expect(head.argument == argument)
            #expect(head.isIndefinite == (additionalInfo == 31))
            #expect(reader.isAtEnd)
        }
    }

    @Test func readsTextAsTheDecoderDoes() throws {
        let bytes = try CBOR.encode(.array([.textString("Grüße"), .textString(""), .textString("HC1")]))
        guard case .array(let items) = try CBOR.decode(bytes).content else {
            Issue.record("not an array")
            return
        }
        let texts = items.map(\.textValue)
        try CBORReader.read(bytes[...]) { reader in
            let array = try reader.readHead()
            #expect(array.majorType == 4 && array.argument == 3)
            for index in 0..<3 {
                let head = try reader.readHead()
                #expect(try reader.readText(length: head.argument) == texts[index])
            }
            #expect(reader.isAtEnd)
            #expect(throws: CBORError.self) { _ = try reader.readHead() }
        }
    }

    @Test func everyTruncationThrowsACode() throws {
        let bytes = try CBOR.encode(.textString("a text of some length"))
        for length in 0..<bytes.count {
            CBORReader.read(bytes.prefix(length)) { reader in
                do throws(CBORError) {
                    let head = try reader.readHead()
                    _ = try reader.readText(length: head.argument)
                    Issue.record("\(length) bytes read as a whole text")
                } catch {
                    #expect(error.code == "CBOR_TRUNCATED", "\(length) bytes")
                }
            }
        }
        // A truncated 8-byte argument.
        CBORReader.read([0x1B, 0, 0][...]) { reader in
            #expect(throws: CBORError.self) { _ = try reader.readHead() }
        }
    }

    @Test func rejectsReservedAdditionalInformationAndInvalidUTF8() {
        for initial: UInt8 in [0x1C, 0x1D, 0x1E, 0x7C, 0xFC] {
            CBORReader.read([initial][...]) { reader in
                #expect(throws: CBORError.self) { _ = try reader.readHead() }
            }
        }
        CBORReader.read([0x62, 0xC3, 0x28][...]) { reader in
            do throws(CBORError) {
                let head = try reader.readHead()
                _ = try reader.readText(length: head.argument)
                Issue.record("invalid UTF-8 read as text")
            } catch {
                #expect(error.code == "CBOR_INVALID_UTF8")
            }
        }
    }
}
