import Foundation
import Revocation
import Testing
import TestSupport

/// The fuzz seeds (Fuzz/seeds/FuzzRevocation) were written by a separate Python script from the layout in
/// docs/REVOCATION.md; they must stay valid encodings, so that the fuzzer starts from inputs that get past the header.
@Suite struct RevocationFuzzSeedTests {
    @Test func seedsDecodeAndReencodeExactly() throws {
        let folder = TestData.repositoryRoot.appendingPathComponent("Fuzz/seeds/FuzzRevocation")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count >= 5)
        for name in names {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            if name.hasPrefix("snapshot") {
                let snapshot = try RevocationSnapshot(decoding: bytes)
                #expect(snapshot.encoded() == bytes, "\(name)")
            } else {
                let delta = try RevocationDelta(decoding: bytes)
                #expect(delta.encoded() == bytes, "\(name)")
            }
        }
        let eudcc = try RevocationSnapshot(
            decoding: Array(try Data(contentsOf: folder.appendingPathComponent("snapshot-eudcc"))))
        let uci = "URN:UVCI:01:DE:IBMT102/18Q63CH4NXZ8ZW#N"
        #expect(eudcc.lookup(RevocationHashes.uci(uci), now: 0) == .revoked)
        #expect(eudcc.lookup(RevocationHashes.countryCodeUCI(country: "DE", uci: uci), now: 0) == .revoked)
        let signature = RevocationHashes.signature(coseSignature: Array(0..<64), algorithm: .ecdsa)
        #expect(eudcc.lookup(signature, now: 1_749_999_999_999) == .suspended(until: 1_750_000_000_000))
        #expect(eudcc.lookup(signature, now: 1_750_000_000_000) == .active)
    }
}
