import Crypto
import TestSupport
import Testing
import TransparencyLog

@Suite("Tree heads: signed bytes and ES256 signatures")
struct TreeHeadTests {
    static let root = MerkleHash(hex: "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")!
    static let head = TreeHead(size: 0x0102_0304_0506_0708, root: root, timestamp: 1_767_225_600_000)

    @Test func signedBytesHaveTheDocumentedLayout() {
        let bytes = Self.head.signedBytes()
        #expect(bytes.count == 67)
        #expect(bytes.count == TreeHead.signedByteCount)
        #expect(Array(bytes[0..<19]) == Array("OpenDVC-TreeHead-v1".utf8))
        #expect(Array(bytes[19..<27]) == [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08])
        // 1_767_225_600_000 ms = 0x0000019B_76DA_A800 (2026-01-01T00:00:00Z).
        #expect(Array(bytes[27..<35]) == [0x00, 0x00, 0x01, 0x9B, 0x76, 0xDA, 0xA8, 0x00])
        #expect(Array(bytes[35...]) == Self.root.bytes)
        #expect(Hex.encode(bytes) == Hex.encode(Array("OpenDVC-TreeHead-v1".utf8))
            + "0102030405060708" + "0000019b76daa800" + Self.root.description)
    }

    @Test func signedBytesAreDeterministicAndDistinguishEveryField() {
        #expect(Self.head.signedBytes() == Self.head.signedBytes())
        var other = Self.head
        other.size += 1
        #expect(other.signedBytes() != Self.head.signedBytes())
        other = Self.head
        other.timestamp += 1
        #expect(other.signedBytes() != Self.head.signedBytes())
        other = Self.head
        other.root = MerkleHashing.emptyRoot
        #expect(other.signedBytes() != Self.head.signedBytes())
        // A negative timestamp is two's complement.
        let early = TreeHead(size: 0, root: Self.root, timestamp: -1)
        #expect(Array(early.signedBytes()[27..<35]) == Array(repeating: 0xFF, count: 8))
    }

    @Test func signsAndVerifiesWithES256() throws {
        let key = P256.Signing.PrivateKey()
        let signature = try TreeHead.sign(Self.head, key: key)
        #expect(signature.count == 64)
        #expect(Self.head.verify(signature: signature, key: key.publicKey))
        // The signature is an ordinary ES256 signature over signedBytes().
        let ecdsa = try P256.Signing.ECDSASignature(rawRepresentation: signature)
        #expect(key.publicKey.isValidSignature(ecdsa, for: Self.head.signedBytes()))
    }

    @Test func rejectsTamperedHeadsWrongKeysAndMalformedSignatures() throws {
        let key = P256.Signing.PrivateKey()
        let signature = try TreeHead.sign(Self.head, key: key)
        var tampered = Self.head
        tampered.size -= 1
        #expect(!tampered.verify(signature: signature, key: key.publicKey))
        tampered = Self.head
        tampered.timestamp += 1
        #expect(!tampered.verify(signature: signature, key: key.publicKey))
        #expect(!Self.head.verify(signature: signature, key: P256.Signing.PrivateKey().publicKey))
        var flipped = signature
        flipped[10] ^= 0x01
        #expect(!Self.head.verify(signature: flipped, key: key.publicKey))
        #expect(!Self.head.verify(signature: Array(signature.dropLast()), key: key.publicKey))
        #expect(!Self.head.verify(signature: [], key: key.publicKey))
        #expect(!Self.head.verify(signature: signature + [0], key: key.publicKey))
    }

    @Test func refusesToSignANegativeSize() {
        let head = TreeHead(size: -1, root: Self.root, timestamp: 0)
        #expect(throws: TransparencyLogError(.sizeInvalid, "")) {
            try TreeHead.sign(head, key: P256.Signing.PrivateKey())
        }
    }

    @Test func treeHeadsOfATreeVerifyAgainstItsProofs() throws {
        var tree = MerkleTree()
        for index in 0..<20 { tree.append(leafHash: MerkleHashing.leafHash(MerkleReference.leafData(index))) }
        let old = TreeHead(size: 13, root: try tree.root(size: 13), timestamp: 1_000)
        let new = TreeHead(size: tree.size, root: try tree.root(), timestamp: 2_000)
        let key = P256.Signing.PrivateKey()
        #expect(new.verify(signature: try TreeHead.sign(new, key: key), key: key.publicKey))
        #expect(MerkleProofVerifier.verifyConsistency(
            oldSize: old.size, newSize: new.size, oldRoot: old.root, newRoot: new.root,
            proof: try tree.consistencyProof(from: old.size, to: new.size)))
    }
}
