// libFuzzer entry point for compact JWS parsing (JOSE).
// Build and run: scripts/fuzz.sh 60 FuzzJWS (see Fuzz/README.md).
// Properties checked on every input:
//   1. parsing never crashes, and a parsed JWS is consistent: 64-byte signature, alg ES256, the signing input is
//      the text up to the second dot, and header.payload.signature re-encodes to the input;
//   2. a parsed JWS never verifies with a key that did not sign it;
//   3. signing the input bytes as a payload gives a JWS that parses back to the same payload and verifies.
import Crypto
import JOSE

private let key = P256.Signing.PrivateKey()
private let strangerKey = P256.Signing.PrivateKey().publicKey

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    if let jws = try? CompactJWS(parsing: text) {
        guard jws.signature.count == 64, jws.header.algorithm == "ES256" else {
            fatalError("parsed a JWS without a 64-byte ES256 signature")
        }
        let reencoded = String(decoding: jws.signingInput, as: UTF8.self) + "." + Base64URL.encode(jws.signature)
        guard reencoded == text, jws.text == text else { fatalError("signing input and signature do not rebuild the text") }
        let payloadPart = text.split(separator: ".", omittingEmptySubsequences: false)[1]
        guard Base64URL.encode(jws.payload) == payloadPart else { fatalError("payload does not re-encode to its part") }
        if jws.isValidSignature(for: strangerKey) { fatalError("a JWS verified with a key that did not sign it") }
    }
    if size <= 4096 {
        do {
            let signed = try CompactJWS(signing: bytes, header: JWSHeader(keyID: "fuzz", compression: "DEF"), key: key)
            let parsed = try CompactJWS(parsing: signed.text)
            guard parsed.payload == bytes, parsed.header.keyID == "fuzz", parsed.isValidSignature(for: key.publicKey) else {
                fatalError("a signed JWS did not parse back or verify")
            }
        } catch {
            fatalError("signing and parsing failed: \(error)")
        }
    }
    return 0
}
