import SMARTHealthCards
import Testing

@Suite("SMART Health Cards: numeric QR text")
struct SHCNumericQRTests {
    @Test func encodesEachCharacterAsTwoDigits() throws {
        #expect(SHCNumericQR.encode("-.0Az_a") == "shc:/00010320775052".replacingOccurrences(of: "77", with: "77"))
        #expect(SHCNumericQR.encode("z") == "shc:/77")
        #expect(try SHCNumericQR.decode("shc:/0001032077").jwsPart == "-.0Az")
    }

    @Test(arguments: [
        ("shc:/1", "SHC_INVALID_NUMERIC_QR"),
        ("shc:/78", "SHC_INVALID_NUMERIC_QR"),
        ("shc:/0a", "SHC_INVALID_NUMERIC_QR"),
        ("shc:/", "SHC_INVALID_NUMERIC_QR"),
        ("shc:56", "SHC_INVALID_QR_HEADER"),
        ("SHC:/56", "SHC_INVALID_QR_HEADER"),
        ("shc:/0/2/56", "SHC_INVALID_QR_HEADER"),
        ("shc:/3/2/56", "SHC_INVALID_QR_HEADER"),
        ("shc:/1/100/56", "SHC_INVALID_QR_HEADER"),
        ("shc:/1/56", "SHC_INVALID_QR_HEADER"),
        ("shc:/1/2/", "SHC_INVALID_NUMERIC_QR"),
        ("shc:/1234/2/56", "SHC_INVALID_QR_HEADER"),
    ])
    func rejectsBadText(text: String, code: String) {
        #expect(throws: SHCError(.init(rawValueForTests: code), "")) { try SHCNumericQR.decode(text) }
    }

    /// The first bad pair is named with its byte offset in the text (after a chunk header too).
    @Test(arguments: [
        ("shc:/5676x0", "expected only digits, found another character at offset 9"),
        ("shc:/56780a", "expected digit pairs of at most 77, found 78 at offset 7"),
        ("shc:/1/1/0099", "expected digit pairs of at most 77, found 99 at offset 11"),
        ("shc:/00\u{e9}", "expected only digits, found another character at offset 7"),
    ])
    func namesTheFirstBadPair(text: String, message: String) {
        do {
            _ = try SHCNumericQR.decode(text)
            Issue.record("expected \(text) to be rejected")
        } catch let error as SHCError {
            #expect(error.message == message)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func chunksAreBalancedAndReassembleInAnyOrder() throws {
        let jws = String(repeating: "abcdefghij.", count: 300)  // 3300 characters
        let chunks = SHCNumericQR.encodeChunked(jws)
        #expect(chunks.count == 3)
        #expect(chunks[0].hasPrefix("shc:/1/3/"))
        let assembled = try SHCNumericQR.assemble(chunks.reversed().map { $0[...] })
        #expect(assembled.jws == jws)
        #expect(assembled.chunked)
        #expect(throws: SHCError(.missingQRChunk, "")) { try SHCNumericQR.assemble([chunks[0][...], chunks[2][...]]) }
        #expect(throws: SHCError(.invalidQRHeader, "")) { try SHCNumericQR.assemble([chunks[0][...], chunks[0][...], chunks[1][...]]) }
        #expect(throws: SHCError(.invalidQRHeader, "")) { try SHCNumericQR.assemble([chunks[0][...], "shc:/56"]) }
        #expect(SHCNumericQR.encodeChunked("abc") == ["shc:/525354"])
    }

    @Test func singleQRLimitIs1195Characters() throws {
        #expect(try SHCNumericQR.decode("shc:/" + String(repeating: "52", count: 1195)).jwsPart.count == 1195)
        #expect(throws: SHCError(.invalidNumericQR, "")) { try SHCNumericQR.decode("shc:/" + String(repeating: "52", count: 1196)) }
        #expect(throws: SHCError(.invalidNumericQR, "")) { try SHCNumericQR.decode("shc:/1/2/" + String(repeating: "52", count: 1192)) }
    }
}

extension SHCError.Code {
    /// The code with a given raw value, for table-driven tests.
    init(rawValueForTests rawValue: String) {
        self = [
            SHCError.Code.invalidNumericQR, .invalidQRHeader, .missingQRChunk,
        ].first { $0.rawValue == rawValue } ?? .unrecognisedInput
    }
}
