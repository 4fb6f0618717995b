import CodedErrors
import Testing
import TransparencyLog

@Suite("Transparency log errors and untrusted input")
struct TransparencyLogErrorTests {
    static let tree = MerkleTree(leafHashes: MerkleReference.leafHashes(count: 10))
    static let sizeInvalid = TransparencyLogError(.sizeInvalid, "")
    static let indexOutOfRange = TransparencyLogError(.indexOutOfRange, "")

    @Test func codesAreStable() {
        #expect(Self.sizeInvalid.code == "LOG_SIZE_INVALID")
        #expect(Self.indexOutOfRange.code == "LOG_INDEX_OUT_OF_RANGE")
        #expect(TransparencyLogError(.signingFailed, "").code == "LOG_SIGNING_FAILED")
        #expect(TransparencyLogError(.sizeInvalid, "x").description == "LOG_SIZE_INVALID: x")
    }

    @Test("root(size:) rejects sizes outside 0...size", arguments: [-1, 11, Int.min, Int.max])
    func rootRejectsInvalidSizes(size: Int) {
        #expect(throws: Self.sizeInvalid) { try Self.tree.root(size: size) }
    }

    @Test("inclusionProof rejects invalid tree sizes", arguments: [-1, 11, Int.min, Int.max])
    func inclusionProofRejectsInvalidSizes(treeSize: Int) {
        #expect(throws: Self.sizeInvalid) { try Self.tree.inclusionProof(leafIndex: 0, treeSize: treeSize) }
    }

    @Test("inclusionProof rejects indices outside 0..<treeSize",
          arguments: [(-1, 10), (10, 10), (5, 5), (0, 0), (Int.min, 10), (Int.max, 10)])
    func inclusionProofRejectsInvalidIndices(leafIndex: Int, treeSize: Int) {
        #expect(throws: Self.indexOutOfRange) {
            try Self.tree.inclusionProof(leafIndex: leafIndex, treeSize: treeSize)
        }
    }

    @Test("consistencyProof rejects old > new, negative sizes and sizes beyond the tree",
          arguments: [(5, 3), (-1, 3), (0, 11), (11, 11), (3, Int.max), (Int.min, 5), (Int.max, Int.max)])
    func consistencyProofRejectsInvalidSizes(oldSize: Int, newSize: Int) {
        #expect(throws: Self.sizeInvalid) { try Self.tree.consistencyProof(from: oldSize, to: newSize) }
    }

    @Test func consistencyProofFromTheEmptyTreeOrToTheSameSizeIsEmpty() throws {
        #expect(try Self.tree.consistencyProof(from: 0, to: 10).isEmpty)
        #expect(try Self.tree.consistencyProof(from: 0, to: 0).isEmpty)
        #expect(try Self.tree.consistencyProof(from: 7, to: 7).isEmpty)
        #expect(try MerkleTree().consistencyProof(from: 0, to: 0).isEmpty)
    }

    @Test("leafHash(at:) rejects indices outside the tree", arguments: [-1, 10, Int.min, Int.max])
    func leafHashRejectsInvalidIndices(index: Int) {
        #expect(throws: Self.indexOutOfRange) { try Self.tree.leafHash(at: index) }
        #expect(throws: Self.indexOutOfRange) { try MerkleTree().leafHash(at: 0) }
    }

    @Test func verifiersRejectNonsenseWithoutTrapping() throws {
        let leaf = try Self.tree.leafHash(at: 3)
        let root = try Self.tree.root()
        let proof = try Self.tree.inclusionProof(leafIndex: 3, treeSize: 10)
        // Only sizes and indices that cannot fit the proof: an inclusion or consistency proof alone does not
        // bind the tree size (the size-10 proof of leaf 3 also fits size 11, whose path has the same shape);
        // the size is authenticated by the signed tree head that carries the root.
        let extremes = [Int.min, -1, 0, 10, Int.max - 1, Int.max]
        for index in extremes + [3] {
            for size in extremes where !(index == 3 && size == 10) {
                #expect(!MerkleProofVerifier.verifyInclusion(
                    leafHash: leaf, leafIndex: index, treeSize: size, proof: proof, root: root))
            }
        }
        // A very long proof is rejected after at most 64 steps.
        let longProof = Array(repeating: leaf, count: 100_000)
        #expect(!MerkleProofVerifier.verifyInclusion(
            leafHash: leaf, leafIndex: 0, treeSize: Int.max, proof: longProof, root: root))
        #expect(!MerkleProofVerifier.verifyConsistency(
            oldSize: 3, newSize: Int.max, oldRoot: root, newRoot: root, proof: longProof))

        let oldRoot = try Self.tree.root(size: 4)
        let consistency = try Self.tree.consistencyProof(from: 4, to: 10)
        for old in extremes + [4] {
            for new in extremes where !(old == 4 && new == 10) && !(old == new) {
                #expect(!MerkleProofVerifier.verifyConsistency(
                    oldSize: old, newSize: new, oldRoot: oldRoot, newRoot: root, proof: consistency))
            }
        }
    }

    @Test func consistencyWithTheEmptyTreeNeedsAnEmptyProofAndTheEmptyRoot() throws {
        let root = try Self.tree.root()
        #expect(MerkleProofVerifier.verifyConsistency(
            oldSize: 0, newSize: 10, oldRoot: MerkleHashing.emptyRoot, newRoot: root, proof: []))
        #expect(MerkleProofVerifier.verifyConsistency(
            oldSize: 0, newSize: 0, oldRoot: MerkleHashing.emptyRoot, newRoot: MerkleHashing.emptyRoot, proof: []))
        #expect(!MerkleProofVerifier.verifyConsistency(
            oldSize: 0, newSize: 10, oldRoot: root, newRoot: root, proof: []))
        #expect(!MerkleProofVerifier.verifyConsistency(
            oldSize: 0, newSize: 10, oldRoot: MerkleHashing.emptyRoot, newRoot: root, proof: [root]))
        #expect(!MerkleProofVerifier.verifyConsistency(
            oldSize: 0, newSize: 0, oldRoot: MerkleHashing.emptyRoot, newRoot: root, proof: []))
    }
}
