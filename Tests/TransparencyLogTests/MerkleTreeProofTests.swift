import Testing
import TransparencyLog

@Suite("Merkle tree roots and proofs (RFC 9162 §2.1)")
struct MerkleTreeProofTests {
    static let leafHashes = MerkleReference.leafHashes(count: 300)
    static let tree: MerkleTree = {
        var tree = MerkleTree()
        for hash in leafHashes { tree.append(leafHash: hash) }
        return tree
    }()

    @Test("every inclusion proof of a tree of size 1...300 verifies, and fails when anything is wrong",
          arguments: 1...300)
    func inclusionProofsVerifyAndRejectTampering(treeSize: Int) throws {
        let tree = Self.tree
        let root = try tree.root(size: treeSize)
        for index in 0..<treeSize {
            let leaf = Self.leafHashes[index]
            let proof = try tree.inclusionProof(leafIndex: index, treeSize: treeSize)
            #expect(MerkleProofVerifier.verifyInclusion(
                leafHash: leaf, leafIndex: index, treeSize: treeSize, proof: proof, root: root))
            // Wrong leaf: the neighbour's hash and a tampered hash.
            #expect(!MerkleProofVerifier.verifyInclusion(
                leafHash: MerkleReference.tampered(leaf), leafIndex: index, treeSize: treeSize, proof: proof,
                root: root))
            if treeSize > 1 {
                let other = Self.leafHashes[(index + 1) % treeSize]
                #expect(!MerkleProofVerifier.verifyInclusion(
                    leafHash: other, leafIndex: index, treeSize: treeSize, proof: proof, root: root))
            }
            // Wrong index.
            for wrongIndex in [index - 1, index + 1, index ^ 2, -1, treeSize] where wrongIndex != index {
                #expect(!MerkleProofVerifier.verifyInclusion(
                    leafHash: leaf, leafIndex: wrongIndex, treeSize: treeSize, proof: proof, root: root))
            }
            // Each proof element tampered in turn, and proofs one element too short or too long.
            for position in proof.indices {
                var bad = proof
                bad[position] = MerkleReference.tampered(bad[position])
                #expect(!MerkleProofVerifier.verifyInclusion(
                    leafHash: leaf, leafIndex: index, treeSize: treeSize, proof: bad, root: root))
            }
            if !proof.isEmpty {
                #expect(!MerkleProofVerifier.verifyInclusion(
                    leafHash: leaf, leafIndex: index, treeSize: treeSize, proof: Array(proof.dropLast()), root: root))
            }
            #expect(!MerkleProofVerifier.verifyInclusion(
                leafHash: leaf, leafIndex: index, treeSize: treeSize, proof: proof + [root], root: root))
            // Wrong root.
            #expect(!MerkleProofVerifier.verifyInclusion(
                leafHash: leaf, leafIndex: index, treeSize: treeSize, proof: proof,
                root: MerkleReference.tampered(root)))
        }
    }

    @Test("inclusion proofs equal PATH(m, D[n]) transcribed from the RFC",
          arguments: [1, 2, 3, 5, 7, 8, 13, 64, 100, 127, 300])
    func inclusionProofsMatchTheRecursiveDefinition(treeSize: Int) throws {
        let leaves = Self.leafHashes[..<treeSize]
        for index in 0..<treeSize {
            #expect(try Self.tree.inclusionProof(leafIndex: index, treeSize: treeSize)
                == MerkleReference.path(index, leaves))
        }
    }

    @Test("consistency proofs between every pair of sizes 1 ≤ m ≤ n ≤ 64 verify, and fail when tampered",
          arguments: 1...64)
    func consistencyProofsVerifyAndRejectTampering(newSize: Int) throws {
        let tree = Self.tree
        let newRoot = try tree.root(size: newSize)
        for oldSize in 1...newSize {
            let oldRoot = try tree.root(size: oldSize)
            let proof = try tree.consistencyProof(from: oldSize, to: newSize)
            #expect(proof == MerkleReference.proof(oldSize, Self.leafHashes[..<newSize]))
            #expect(MerkleProofVerifier.verifyConsistency(
                oldSize: oldSize, newSize: newSize, oldRoot: oldRoot, newRoot: newRoot, proof: proof))
            if oldSize == newSize {
                #expect(proof.isEmpty)
                #expect(!MerkleProofVerifier.verifyConsistency(
                    oldSize: oldSize, newSize: newSize, oldRoot: oldRoot, newRoot: newRoot, proof: [oldRoot]))
                #expect(!MerkleProofVerifier.verifyConsistency(
                    oldSize: oldSize, newSize: newSize, oldRoot: oldRoot,
                    newRoot: MerkleReference.tampered(newRoot), proof: proof))
                continue
            }
            for position in proof.indices {
                var bad = proof
                bad[position] = MerkleReference.tampered(bad[position])
                #expect(!MerkleProofVerifier.verifyConsistency(
                    oldSize: oldSize, newSize: newSize, oldRoot: oldRoot, newRoot: newRoot, proof: bad))
            }
            let wrongProofs = [
                [], Array(proof.dropLast()), Array(proof.dropFirst()), proof + [newRoot], [oldRoot] + proof,
            ]
            for bad in wrongProofs {
                #expect(!MerkleProofVerifier.verifyConsistency(
                    oldSize: oldSize, newSize: newSize, oldRoot: oldRoot, newRoot: newRoot, proof: bad))
            }
            #expect(!MerkleProofVerifier.verifyConsistency(
                oldSize: oldSize, newSize: newSize, oldRoot: MerkleReference.tampered(oldRoot), newRoot: newRoot,
                proof: proof))
            #expect(!MerkleProofVerifier.verifyConsistency(
                oldSize: oldSize, newSize: newSize, oldRoot: oldRoot, newRoot: MerkleReference.tampered(newRoot),
                proof: proof))
            #expect(!MerkleProofVerifier.verifyConsistency(
                oldSize: newSize, newSize: oldSize, oldRoot: newRoot, newRoot: oldRoot, proof: proof))
            // The same proof and roots for another old size.
            for wrongOld in [oldSize - 1, oldSize + 1] where wrongOld >= 1 && wrongOld < newSize {
                #expect(!MerkleProofVerifier.verifyConsistency(
                    oldSize: wrongOld, newSize: newSize, oldRoot: oldRoot, newRoot: newRoot, proof: proof))
            }
        }
    }

    @Test("consistency proofs of large trees equal PROOF(m, D[n]) transcribed from the RFC",
          arguments: [(1, 300), (2, 300), (100, 300), (128, 300), (255, 256), (256, 257), (150, 299), (299, 300)])
    func consistencyProofsOfLargerTreesMatchTheRecursiveDefinition(oldSize: Int, newSize: Int) throws {
        let proof = try Self.tree.consistencyProof(from: oldSize, to: newSize)
        #expect(proof == MerkleReference.proof(oldSize, Self.leafHashes[..<newSize]))
        #expect(MerkleProofVerifier.verifyConsistency(
            oldSize: oldSize, newSize: newSize, oldRoot: try Self.tree.root(size: oldSize),
            newRoot: try Self.tree.root(size: newSize), proof: proof))
    }

    @Test("past roots equal the roots of freshly built trees and of the recursive MTH")
    func pastRootsEqualFreshTrees() throws {
        var growing = MerkleTree()
        #expect(try growing.root() == MerkleHashing.emptyRoot)
        #expect(try Self.tree.root(size: 0) == MerkleHashing.emptyRoot)
        for size in 1...300 {
            growing.append(leafHash: Self.leafHashes[size - 1])
            let prefix = Array(Self.leafHashes[..<size])
            let expected = MerkleReference.mth(prefix[...])
            #expect(try Self.tree.root(size: size) == expected)
            #expect(try growing.root() == expected)
            #expect(try MerkleTree(leafHashes: prefix).root() == expected)
            #expect(growing.size == size)
        }
        #expect(try Self.tree.root() == Self.tree.root(size: 300))
    }

    @Test("a tree rebuilt from its leaf hashes gives the same proofs and keeps appending identically")
    func rebuiltTreeMatchesAppendedTree() throws {
        var rebuilt = MerkleTree(leafHashes: Array(Self.leafHashes[..<77]))
        #expect(rebuilt.size == 77)
        for index in 0..<77 {
            #expect(try rebuilt.leafHash(at: index) == Self.leafHashes[index])
            #expect(try rebuilt.inclusionProof(leafIndex: index, treeSize: 77)
                == Self.tree.inclusionProof(leafIndex: index, treeSize: 77))
        }
        for hash in Self.leafHashes[77...] { rebuilt.append(leafHash: hash) }
        #expect(try rebuilt.root() == Self.tree.root())
        #expect(try rebuilt.consistencyProof(from: 77, to: 300) == Self.tree.consistencyProof(from: 77, to: 300))
    }
}
