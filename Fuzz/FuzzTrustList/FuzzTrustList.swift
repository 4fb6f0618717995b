// libFuzzer entry point for the trust-list decoder, the signed-list verifier and the two importers.
//
// Build and run (see Fuzz/README.md):
//   swift build --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product FuzzTrustList
//   .build/debug/FuzzTrustList corpus/ -max_total_time=60
//
// Properties checked on every input:
//   1. verifying the bytes as a signed list, decoding them as a payload and importing them as an EU gateway list
//      and as a DID document return or throw a TrustListError, never crash;
//   2. nothing made up verifies against a fixed anchor whose private key signs nothing but property 3;
//   3. a decoded payload re-encodes to exactly the input (only the canonical form is accepted), and signing it
//      gives a list that verifies back to the same list;
//   4. every DSC of a decoded list is checked without crashing, and only accepted ones reach the trust store.
import Crypto
import Foundation
import TrustList

/// A fixed trust anchor (a constant key: fuzzing needs reproducible runs).
let anchorKey = try! P256.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 0x2A, count: 32))
let anchors = ["fuzz-anchor": anchorKey.publicKey]
let now = Date(timeIntervalSince1970: 1_735_689_600)
let limits = TrustListLimits(maximumBytes: 1 << 20, maximumIssuers: 64, maximumCertificatesPerIssuer: 64)
/// Room for the signed form of a payload that passed `limits` (base64url adds a third).
let signingLimits = TrustListLimits(maximumBytes: 2 << 20, maximumIssuers: 64, maximumCertificatesPerIssuer: 64)

/// Property 1 for errors: anything thrown is a TrustListError.
func expectTrustListError(_ body: () throws -> Void) {
    do {
        try body()
    } catch is TrustListError {
    } catch {
        fatalError("threw \(type(of: error)) instead of TrustListError")
    }
}

/// Properties 3 and 4.
func checkDecoded(_ list: TrustList, from bytes: [UInt8]) {
    guard list.encoded() == bytes else { fatalError("a decoded payload re-encodes differently") }
    do {
        let signed = try SignedTrustList.sign(list, key: anchorKey, keyID: "fuzz-anchor", limits: signingLimits)
        let verified = try SignedTrustList.verify(signed, anchors: anchors, now: now, limits: signingLimits)
        guard verified.list == list else { fatalError("a signed list verifies to another list") }
        let material = verified.trustMaterial(at: now)
        let accepted = material.documentSigners.filter(\.isAccepted).count
        guard material.store.count <= accepted else { fatalError("the store holds a DSC that was not accepted") }
    } catch {
        fatalError("a decoded list failed to sign and verify: \(error)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    expectTrustListError {
        _ = try SignedTrustList.verify(bytes, anchors: anchors, now: now, limits: limits)
        fatalError("made-up bytes verified against the fuzz anchor")
    }
    expectTrustListError {
        let list = try TrustList(payload: bytes, limits: limits)
        checkDecoded(list, from: bytes)
    }
    expectTrustListError { _ = try EUGatewayImport.issuers(fromJSON: bytes, notBefore: 0, notAfter: 1, limits: limits) }
    expectTrustListError { _ = try DIDTrustListImport.issuers(fromJSON: bytes, notBefore: 0, notAfter: 1, limits: limits) }
    return 0
}
