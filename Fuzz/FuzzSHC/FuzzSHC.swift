// libFuzzer entry point for SMART Health Card numeric QR decoding and chunk assembly.
// Build and run: scripts/fuzz.sh 60 FuzzSHC (see Fuzz/README.md).
// Properties checked on every input (lines are separate QR texts):
//   1. decoding and assembling never crash; a decoded chunk has 1 <= index <= total and only JWS characters
//      ('-' to 'z'), and re-encoding a single QR text gives the input back;
//   2. assembling chunks gives the same JWS in any order (reversed here);
//   3. any text built from the input's bytes mapped into the JWS alphabet encodes and decodes losslessly,
//      chunked or not;
//   4. verifying the input as a card, without trusted keys, never reports valid.
import CredentialVerification
import Foundation
import SMARTHealthCards
import Trust

private let context = VerificationContext(trustStore: TrustStore(), validationTime: Date(timeIntervalSince1970: 1_700_000_000))
private let verifier = SHCVerifier()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)

    for line in lines {
        guard let chunk = try? SHCNumericQR.decode(line) else { continue }
        guard chunk.index >= 1, chunk.index <= chunk.total else { fatalError("chunk index outside 1...total") }
        guard chunk.jwsPart.utf8.allSatisfy({ $0 >= 45 && $0 <= 122 }) else { fatalError("decoded a character outside '-'...'z'") }
        if !chunk.hasChunkHeader, SHCNumericQR.encode(chunk.jwsPart) != line {
            fatalError("a single QR text did not re-encode to itself")
        }
    }
    if let forward = try? SHCNumericQR.assemble(lines) {
        guard let backward = try? SHCNumericQR.assemble(lines.reversed()), backward.jws == forward.jws else {
            fatalError("chunk assembly depends on the order of the chunks")
        }
    }

    // Round trip of arbitrary JWS-alphabet text.
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.".utf8)
    let jws = String(decoding: bytes.prefix(4000).map { alphabet[Int($0) % alphabet.count] }, as: UTF8.self)
    if !jws.isEmpty {
        let chunks = SHCNumericQR.encodeChunked(jws)
        guard let assembled = try? SHCNumericQR.assemble(chunks.map { $0[...] }), assembled.jws == jws else {
            fatalError("encoded chunks did not assemble back to the JWS")
        }
        guard let shuffled = try? SHCNumericQR.assemble(chunks.reversed().map { $0[...] }), shuffled.jws == jws else {
            fatalError("reversed chunks did not assemble back to the JWS")
        }
    }

    if verifier.verify(text[...], context: context).isValid { fatalError("a card verified without any trusted key") }
    return 0
}
