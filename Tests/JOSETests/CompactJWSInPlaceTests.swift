import JOSE
import TestSupport
import Testing

/// Parsing in place: a JWS read from a slice of a larger text, and error messages that name offsets within
/// the part, as before.
@Suite("Compact JWS parsed in place")
struct CompactJWSInPlaceTests {
    func example() throws -> String {
        String(decoding: try TestData.data("shc/examples/example-00-d-jws.txt"), as: UTF8.self)
    }

    @Test func aSubstringParsesLikeTheString() throws {
        let text = try example()
        let framed = "prefix " + text + " suffix"
        let slice = framed.dropFirst("prefix ".count).dropLast(" suffix".count)
        let fromSlice = try CompactJWS(parsing: slice)
        let fromString = try CompactJWS(parsing: text)
        #expect(fromSlice == fromString)
        #expect(fromSlice.text == text)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        #expect(fromSlice.signingInput == Array((parts[0] + "." + parts[1]).utf8))
    }

    /// `text` is rebuilt from the parts, not kept: it must equal the parsed text for every example.
    @Test(arguments: 0...3)
    func textIsTheParsedText(example: Int) throws {
        let text = String(decoding: try TestData.data("shc/examples/example-0\(example)-d-jws.txt"), as: UTF8.self)
        #expect(try CompactJWS(parsing: text).text == text)
    }

    @Test(arguments: [
        ("e3$0.e30.AAAA", "header: expected a base64url character at offset 2, found byte 36"),
        ("eyJhbGciOiJFUzI1NiJ9.e30.AA$A", "signature: expected a base64url character at offset 2, found byte 36"),
        ("eyJhbGciOiJFUzI1NiJ9.e30.A", "signature: expected unpadded base64url, found a length of 1 (≡ 1 mod 4)"),
        ("e31.e30.AAAA", "header: expected zero bits after the last byte, found others"),
    ])
    func base64ErrorsNameThePart(text: String, message: String) {
        #expect(throws: JOSEError(.invalidBase64URL, "")) { try CompactJWS(parsing: text) }
        do {
            _ = try CompactJWS(parsing: text)
        } catch let error as JOSEError {
            #expect(error.message == message)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func payloadErrorsComeAfterTheSignatureChecks() throws {
        // An ES256 header, a bad payload and a 64-byte signature: the payload is decoded last.
        let signature = Base64URL.encode([UInt8](repeating: 1, count: 64))
        do {
            _ = try CompactJWS(parsing: "eyJhbGciOiJFUzI1NiJ9.e$0." + signature)
            Issue.record("expected an error")
        } catch let error as JOSEError {
            #expect(error.errorCode == .invalidBase64URL)
            #expect(error.message == "payload: expected a base64url character at offset 1, found byte 36")
        }
    }

    @Test func dotsAreFoundAtEveryPosition() {
        // Dots at every position of a 40-character text (the scan reads eight bytes at a time).
        for first in 0..<40 {
            for second in [nil] + Array(first + 1..<40).map(Optional.some) {
                for third in [nil, 39] as [Int?] where third.map({ $0 > (second ?? first) }) ?? true {
                    var bytes = [UInt8](repeating: UInt8(ascii: "A"), count: 40)
                    for dot in [first, second, third].compactMap({ $0 }) { bytes[dot] = UInt8(ascii: ".") }
                    let text = String(decoding: bytes, as: UTF8.self)
                    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
                    let malformed = parts.count != 3 || parts[0].isEmpty || parts[2].isEmpty
                    var code: JOSEError.Code?
                    do { _ = try CompactJWS(parsing: text) } catch let error as JOSEError { code = error.errorCode } catch {}
                    #expect((code == .malformedJWS) == malformed, "\(text)")
                }
            }
        }
    }
}
