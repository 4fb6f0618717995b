import JOSE
import Testing

/// `Base64URL.decodeAllowingPadding`: the unpadded rules, plus up to two `=` that complete a group of four.
@Suite("Base64url with optional padding")
struct Base64URLPaddingTests {
    @Test(arguments: [[UInt8](), [0x66], [0x66, 0x6F], [0x66, 0x6F, 0x6F], [0xFB, 0xFF, 0xFE, 0x01]])
    func paddedAndUnpaddedDecodeAlike(bytes: [UInt8]) throws {
        let unpadded = Base64URL.encode(bytes)
        let padded = unpadded + String(repeating: "=", count: (4 - unpadded.count % 4) % 4)
        #expect(try Base64URL.decodeAllowingPadding(unpadded) == bytes)
        #expect(try Base64URL.decodeAllowingPadding(padded) == bytes)
        if padded != unpadded { #expect(throws: JOSEError.self) { _ = try Base64URL.decode(padded) } }
    }

    @Test(arguments: ["Zg=", "Zm9v=", "Zg===", "Zm=9", "Z===", "Zg==="])
    func paddingThatDoesNotCompleteAGroupIsRefused(text: String) {
        #expect(throws: JOSEError.self) { _ = try Base64URL.decodeAllowingPadding(text) }
    }
}
