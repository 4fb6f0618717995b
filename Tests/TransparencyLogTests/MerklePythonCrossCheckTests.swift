import Foundation
import TestSupport
import Testing
import TransparencyLog

/// Roots compared with a second, independent implementation: Python's `hashlib` computing the RFC 9162
/// Merkle Tree Hash recursively from the raw leaf data. Fails (never skips) when python3 is missing.
@Suite("Merkle roots against an independent Python implementation")
struct MerklePythonCrossCheckTests {
    /// Reads one leaf per line as hex ("-" for an empty leaf) from standard input and prints MTH(D[0:n]) for
    /// n = 1...count, one hex root per line.
    static let program = """
        import hashlib, sys

        def mth(leaves):
            n = len(leaves)
            if n == 0:
                return hashlib.sha256(b"").digest()
            if n == 1:
                return hashlib.sha256(b"\\x00" + leaves[0]).digest()
            k = 1
            while k * 2 < n:
                k *= 2
            return hashlib.sha256(b"\\x01" + mth(leaves[:k]) + mth(leaves[k:])).digest()

        lines = [line.strip() for line in sys.stdin.read().split("\\n") if line.strip()]
        leaves = [b"" if line == "-" else bytes.fromhex(line) for line in lines]
        for n in range(1, len(leaves) + 1):
            print(mth(leaves[:n]).hex())
        """

    /// The roots Python computes for every prefix of `leaves`.
    static func pythonRoots(_ leaves: [[UInt8]]) throws -> [String] {
        let input = leaves.map { $0.isEmpty ? "-" : Hex.encode($0) }.joined(separator: "\n")
        let output = try ExternalProgram.python(["-c", program], input: Data(input.utf8))
        #expect(output.status == 0, "python3 failed: \(output.standardError)")
        return output.standardOutput.split(separator: "\n").map(String.init)
    }

    @Test func rootsOfSizes1To300MatchPython() throws {
        let count = 300
        let leaves = (0..<count).map(MerkleReference.leafData)
        let pythonRoots = try Self.pythonRoots(leaves)
        try #require(pythonRoots.count == count)

        var tree = MerkleTree()
        for data in leaves { tree.append(leafHash: MerkleHashing.leafHash(data)) }
        for size in 1...count {
            #expect(try tree.root(size: size).description == pythonRoots[size - 1], "size \(size)")
        }
    }

    @Test func pythonReproducesTheCertificateTransparencyRoots() throws {
        #expect(try Self.pythonRoots(MerkleKnownAnswerTests.leafData) == MerkleKnownAnswerTests.roots)
    }
}
