import CBOR
import Testing
import TestSupport

/// An input that must be rejected with a given code.
struct Rejection: CustomTestStringConvertible, Sendable {
    let hex: String
    let code: String
    let why: String

    init(_ hex: String, _ code: String, _ why: String) {
        self.hex = hex
        self.code = code
        self.why = why
    }

    var testDescription: String { "\(code): \(why)" }
}

@Suite("Rejections")
struct CBORRejectionTests {
    static let truncated: [Rejection] = [
        Rejection("", "CBOR_TRUNCATED", "empty input"),
        Rejection("18", "CBOR_TRUNCATED", "one-byte argument missing"),
        Rejection("1b00000000000000", "CBOR_TRUNCATED", "eight-byte argument short by one"),
        Rejection("43 0102", "CBOR_TRUNCATED", "byte string shorter than declared"),
        Rejection("7b ffffffffffffffff 00", "CBOR_TRUNCATED", "huge text length, no allocation"),
        Rejection("5b 7fffffffffffffff", "CBOR_TRUNCATED", "huge byte string length"),
        Rejection("9b ffffffffffffffff 00", "CBOR_TRUNCATED", "huge array count"),
        Rejection("bb 4000000000000000 00 00", "CBOR_TRUNCATED", "huge map count"),
        Rejection("83 01 02", "CBOR_TRUNCATED", "array short by one item"),
        Rejection("a2 01 02 03", "CBOR_TRUNCATED", "map ends after a key"),
        Rejection("9f 01 02", "CBOR_TRUNCATED", "indefinite array without break"),
        Rejection("bf 01 02", "CBOR_TRUNCATED", "indefinite map without break"),
        Rejection("5f 4101", "CBOR_TRUNCATED", "indefinite byte string without break"),
        Rejection("c1", "CBOR_TRUNCATED", "tag without content"),
    ]

    static let malformed: [Rejection] = [
        Rejection("0000", "CBOR_TRAILING_BYTES", "two items"),
        Rejection("80 ff", "CBOR_TRAILING_BYTES", "a break after a complete item"),
        Rejection("61 ff", "CBOR_INVALID_UTF8", "invalid byte"),
        Rejection("62 c080", "CBOR_INVALID_UTF8", "overlong encoding of U+0000"),
        Rejection("63 e08080", "CBOR_INVALID_UTF8", "overlong three-byte form"),
        Rejection("63 eda080", "CBOR_INVALID_UTF8", "surrogate U+D800"),
        Rejection("64 f4908080", "CBOR_INVALID_UTF8", "above U+10FFFF"),
        Rejection("64 f0808080", "CBOR_INVALID_UTF8", "overlong four-byte form"),
        Rejection("62 e282", "CBOR_INVALID_UTF8", "sequence cut by the string's end"),
        Rejection("61 80", "CBOR_INVALID_UTF8", "lone continuation byte"),
        Rejection("69 616263646566676880", "CBOR_INVALID_UTF8", "invalid byte after eight ASCII bytes"),
        Rejection("7f 61e2 6282ac ff", "CBOR_INVALID_UTF8", "character split across chunks"),
        Rejection("a1 61ff 00", "CBOR_INVALID_UTF8", "invalid map key"),
        Rejection("1c", "CBOR_RESERVED_ADDITIONAL_INFO", "major 0, info 28"),
        Rejection("3d", "CBOR_RESERVED_ADDITIONAL_INFO", "major 1, info 29"),
        Rejection("5e", "CBOR_RESERVED_ADDITIONAL_INFO", "major 2, info 30"),
        Rejection("7c", "CBOR_RESERVED_ADDITIONAL_INFO", "major 3, info 28"),
        Rejection("9d", "CBOR_RESERVED_ADDITIONAL_INFO", "major 4, info 29"),
        Rejection("be", "CBOR_RESERVED_ADDITIONAL_INFO", "major 5, info 30"),
        Rejection("dc 01", "CBOR_RESERVED_ADDITIONAL_INFO", "major 6, info 28"),
        Rejection("fd", "CBOR_RESERVED_ADDITIONAL_INFO", "major 7, info 29"),
        Rejection("81 fe", "CBOR_RESERVED_ADDITIONAL_INFO", "inside an array"),
        Rejection("1f", "CBOR_INVALID_INDEFINITE", "indefinite unsigned integer"),
        Rejection("3f", "CBOR_INVALID_INDEFINITE", "indefinite negative integer"),
        Rejection("df 01", "CBOR_INVALID_INDEFINITE", "indefinite tag"),
        Rejection("ff", "CBOR_INVALID_INDEFINITE", "lone break"),
        Rejection("82 01 ff", "CBOR_INVALID_INDEFINITE", "break in a definite array"),
        Rejection("a1 01 ff", "CBOR_INVALID_INDEFINITE", "break as a definite map's value"),
        Rejection("bf 01 ff", "CBOR_INVALID_INDEFINITE", "indefinite map ends after a key"),
        Rejection("c1 ff", "CBOR_INVALID_INDEFINITE", "break as tag content"),
        Rejection("5f 6161 ff", "CBOR_INVALID_INDEFINITE", "text chunk in a byte string"),
        Rejection("7f 4161 ff", "CBOR_INVALID_INDEFINITE", "byte chunk in a text string"),
        Rejection("5f 5f ff ff", "CBOR_INVALID_INDEFINITE", "indefinite chunk"),
        Rejection("5f 01 ff", "CBOR_INVALID_INDEFINITE", "integer chunk"),
        Rejection("f800", "CBOR_INVALID_SIMPLE", "two-byte simple 0"),
        Rejection("f813", "CBOR_INVALID_SIMPLE", "two-byte simple 19"),
        Rejection("f814", "CBOR_INVALID_SIMPLE", "two-byte false"),
        Rejection("f818", "CBOR_INVALID_SIMPLE", "simple(24), listed in RFC 7049 Appendix A"),
        Rejection("f81f", "CBOR_INVALID_SIMPLE", "two-byte simple 31"),
        Rejection("a2 01 00 01 00", "CBOR_DUPLICATE_KEY", "same integer key"),
        Rejection("a2 01 00 1801 00", "CBOR_DUPLICATE_KEY", "same integer, different head lengths"),
        Rejection("a2 6161 00 7f6161ff 00", "CBOR_DUPLICATE_KEY", "same text, definite and indefinite"),
        Rejection("a2 f93c00 00 fa3f800000 00", "CBOR_DUPLICATE_KEY", "same float, different widths"),
        Rejection("a2 f97e00 00 fb7ff8000000000001 00", "CBOR_DUPLICATE_KEY", "NaN keys"),
        Rejection("a2 820102 00 9f0102ff 00", "CBOR_DUPLICATE_KEY", "equal array keys"),
        Rejection("a2 c10a 00 c1180a 00", "CBOR_DUPLICATE_KEY", "equal tagged keys"),
        Rejection("a3 02 00 01 00 02 00", "CBOR_DUPLICATE_KEY", "unsorted keys with a duplicate"),
        Rejection("bf 6161 00 6162 00 6161 00 ff", "CBOR_DUPLICATE_KEY", "indefinite map"),
        Rejection(
            "a3 6a6c6f6e672d6b65792d31 00 6a6c6f6e672d6b65792d32 00 6a6c6f6e672d6b65792d31 00", "CBOR_DUPLICATE_KEY",
            "long keys sharing their first eight bytes"),
        Rejection("81 a2 00 00 00 00", "CBOR_DUPLICATE_KEY", "nested map"),
    ]

    @Test("rejects", arguments: truncated + malformed)
    func rejects(_ rejection: Rejection) throws {
        #expect(try decodeErrorCode(rejection.hex) == rejection.code)
    }

    @Test("testRejectsHugeDeclaredLengthsWithoutAllocating: lengths near UInt64.max are truncation errors")
    func rejectsHugeLengthsQuickly() throws {
        // Would need exabytes if the decoder trusted the length; must fail immediately.
        for hex in ["5bffffffffffffffff", "7bffffffffffffffff", "9bffffffffffffffff", "bbffffffffffffffff"] {
            for count in 1...3 {
                let input = try bytes(String(repeating: hex, count: count))
                #expect(cborErrorCode { _ = try CBOR.decode(input) } == "CBOR_TRUNCATED")
            }
        }
    }

    @Test("testRejectsSimpleValuesThatCannotBeEncoded")
    func rejectsUnencodableSimpleValues() {
        for value in UInt8(20)...23 {
            #expect(cborErrorCode { _ = try CBOR.encode(.simple(value)) } == "CBOR_UNSUPPORTED")
        }
        for value in UInt8(24)...31 {
            #expect(cborErrorCode { _ = try CBOR.encode(.simple(value)) } == "CBOR_INVALID_SIMPLE")
        }
    }

    @Test("keeps distinct keys that only look alike")
    func distinctKeys() throws {
        #expect(try decodeErrorCode("a2 01 00 f93c00 00") == nil)  // 1 and 1.0
        #expect(try decodeErrorCode("a2 01 00 21 00") == nil)  // 1 and -2
        #expect(try decodeErrorCode("a2 4161 00 6161 00") == nil)  // h'61' and "a"
        #expect(try decodeErrorCode("a2 f90000 00 f98000 00") == nil)  // 0.0 and -0.0
        #expect(try decodeErrorCode("a2 62c3a9 00 6365cc81 00") == nil)  // NFC and NFD "é"
        #expect(try decodeErrorCode("a2 c10a 00 c20a 00") == nil)  // different tags
        #expect(try decodeErrorCode("a2 6a6c6f6e672d6b65792d31 00 6a6c6f6e672d6b65792d32 00") == nil)
        #expect(try decodeErrorCode("a3 6a6c6f6e672d6b65792d32 00 6a6c6f6e672d6b65792d31 00 01 00") == nil)
    }

    @Test("every strict prefix of larger documents is CBOR_TRUNCATED")
    func truncationLoop() throws {
        let documents = [
            // A CWT-like claims map with a nested health-certificate map, out of deterministic order.
            "a4 041a6296ddc0 01624445 061a60a3b3c0 390103 a1 01 a4 63766572 65312e332e30 63646f62"
                + " 6a313936342d30382d3132 636e616d a2 62666e 6a4d75737465726d616e6e 62676e 654572696b61"
                + " 6176 81 a2 626369 6375726e 62636f 624445",
            // A tagged COSE_Sign1-like array.
            "d2 84 43a10126 a104423131 5818 a2 01 6b736f6d6520697373756572 04 fb41d452d9ec200000 5804 64f3a6bb",
            "9f 5f 41 01 ff 7f 61 61 ff bf 61 61 f5 ff c1 f9 3c00 f8 ff ff",
            "a3 6a6c6f6e672d6b65792d32 00 6a6c6f6e672d6b65792d31 00 01 00",
        ]
        for document in documents {
            let input = try bytes(document)
            #expect(try decodeErrorCode(document, options: .init(rejectDuplicateKeys: true)) == nil, "\(document)")
            for end in input.indices {
                #expect(
                    cborErrorCode { _ = try CBOR.decode(input[..<end]) } == "CBOR_TRUNCATED", "prefix of \(end) bytes")
            }
        }
    }

    @Test("error messages name the offset and never the content")
    func errorMessages() throws {
        let input = try bytes("a2 6b7365637265742d6e616d65 00 6b7365637265742d6e616d65 00")  // "secret-name" twice
        do {
            _ = try CBOR.decode(input)
            Issue.record("expected a duplicate-key error")
        } catch let error as CBORError {
            #expect(error.errorCode == .duplicateKey)
            #expect(error.offset == 14)
            #expect(error.message.contains("14"))
            #expect(!error.message.contains("secret"))
            #expect(!"\(error)".contains("secret"))
            #expect(error == CBORError(.duplicateKey, "another message"))
        }
        do {
            _ = try CBOR.decode(try bytes("82 01 67736563726574ff"))
            Issue.record("expected an invalid UTF-8 error")
        } catch let error as CBORError {
            #expect(error.code == "CBOR_INVALID_UTF8")
            #expect(error.offset == 9)
            #expect(!error.message.contains("secret"))
        }
    }
}
