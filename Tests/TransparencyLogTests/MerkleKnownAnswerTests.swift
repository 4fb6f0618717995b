import TestSupport
import Testing
import TransparencyLog

/// The Certificate Transparency test tree of eight leaves (RFC 6962 / RFC 9162 hashing), with the roots,
/// inclusion proofs and consistency proofs published in the CT and Trillian test suites
/// (google/certificate-transparency `merkle_tree_test`, google/trillian `merkle/log_verifier_test.go`).
/// The roots are also reproduced by the independent Python implementation in `MerklePythonCrossCheckTests`.
@Suite("Merkle tree known answers (Certificate Transparency test vectors)")
struct MerkleKnownAnswerTests {
    static let leafData: [[UInt8]] = [
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    ].map { Hex.decode($0) ?? [] }

    static let roots = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]

    static var tree: MerkleTree {
        var tree = MerkleTree()
        for data in leafData { tree.append(leafHash: MerkleHashing.leafHash(data)) }
        return tree
    }

    static func hashes(_ hex: [String]) -> [MerkleHash] { hex.compactMap { MerkleHash(hex: $0) } }

    @Test func emptyTreeRootIsSHA256OfTheEmptyString() throws {
        #expect(MerkleHashing.emptyRoot.description
            == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(try MerkleTree().root() == MerkleHashing.emptyRoot)
        #expect(MerkleTree().size == 0)
    }

    @Test func leafAndNodeHashesUseTheDomainPrefixes() {
        // Leaf hash of the empty leaf: SHA-256(0x00); of leaf 0x00: SHA-256(0x00 0x00).
        #expect(MerkleHashing.leafHash([UInt8]()).description
            == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
        #expect(MerkleHashing.leafHash([0x00] as [UInt8]).description
            == "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7")
        // Non-contiguous collections hash the same bytes.
        #expect(MerkleHashing.leafHash(Self.leafData[7].lazy.map { $0 }) == MerkleHashing.leafHash(Self.leafData[7]))
        let left = MerkleHashing.leafHash(Self.leafData[0])
        let right = MerkleHashing.leafHash(Self.leafData[1])
        #expect(MerkleHashing.nodeHash(left, right).description == Self.roots[1])
        #expect(MerkleHashing.nodeHash(right, left) != MerkleHashing.nodeHash(left, right))
    }

    @Test("roots of the first 1...8 leaves", arguments: 1...8)
    func rootsOfTheTestTree(size: Int) throws {
        #expect(try Self.tree.root(size: size).description == Self.roots[size - 1])
    }

    @Test("published inclusion proofs", arguments: [
        (0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
        (5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
        (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
        (1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
        (0, 1, []),
    ])
    func publishedInclusionProofs(leafIndex: Int, treeSize: Int, expectedHex: [String]) throws {
        let expected = Self.hashes(expectedHex)
        #expect(expected.count == expectedHex.count)
        #expect(try Self.tree.inclusionProof(leafIndex: leafIndex, treeSize: treeSize) == expected)
        let root = try #require(MerkleHash(hex: Self.roots[treeSize - 1]))
        #expect(MerkleProofVerifier.verifyInclusion(
            leafHash: MerkleHashing.leafHash(Self.leafData[leafIndex]), leafIndex: leafIndex, treeSize: treeSize,
            proof: expected, root: root))
    }

    @Test("published consistency proofs", arguments: [
        (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
        (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
        (2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
        (1, 1, []),
    ])
    func publishedConsistencyProofs(oldSize: Int, newSize: Int, expectedHex: [String]) throws {
        let expected = Self.hashes(expectedHex)
        #expect(expected.count == expectedHex.count)
        #expect(try Self.tree.consistencyProof(from: oldSize, to: newSize) == expected)
        let oldRoot = try #require(MerkleHash(hex: Self.roots[oldSize - 1]))
        let newRoot = try #require(MerkleHash(hex: Self.roots[newSize - 1]))
        #expect(MerkleProofVerifier.verifyConsistency(
            oldSize: oldSize, newSize: newSize, oldRoot: oldRoot, newRoot: newRoot, proof: expected))
    }
}
