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
