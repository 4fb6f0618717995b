// libFuzzer entry point for the HC1 pipeline, from the prefix to the claims and the DCC mapping.
// Build and run: scripts/fuzz.sh 60 FuzzHC1 (see Fuzz/README.md).
// Properties checked on every input:
//   1. verifying the bytes as QR text never crashes and, without trusted keys, never reports valid;
//   2. the same bytes wrapped as HC1 (zlib + Base45) exercise COSE, CWT and DCC decoding directly.
import CredentialVerification
import Deflate
import EUDCC
import Foundation
import Trust

private let verifier = HC1Verifier()
private let context = VerificationContext(trustStore: TrustStore(), validationTime: Date(timeIntervalSince1970: 1_650_000_000))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // As QR text.
    let text = String(decoding: bytes, as: UTF8.self)
    let asText = verifier.verify(text[...], context: context)
    if asText.isValid { fatalError("a payload verified without any trusted key") }
    // As COSE bytes behind a valid transport layer.
    if let wrapped = try? HC1Transport.encode(cose: bytes) {
        let asCOSE = verifier.verify(wrapped[...], context: context)
        if asCOSE.isValid { fatalError("a payload verified without any trusted key") }
        if asCOSE.checks.decode == .pass, asCOSE.formatPayload == nil { fatalError("decoded without a payload") }
    }
    return 0
}
