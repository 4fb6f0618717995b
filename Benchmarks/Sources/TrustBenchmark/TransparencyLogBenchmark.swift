import Crypto
import TransparencyLog

/// The transparency-log part: `--leaves` appends of 100-byte leaves (``LogLeafWorkload``) to a ``MerkleTree``
/// (leaf hash included) against a bare SHA-256 of the same leaf bytes measured in the same run (in turns), then at the full
/// size: the root, a rebuild from the stored leaf hashes (what an audit does), and `--samples` inclusion and
/// consistency proofs, each timed alone (generation and verification), as median and p99.
struct TransparencyLogBenchmark {
    let options: BenchmarkOptions

    func run() {
        let count = options.leaves
        print("## Transparency log: \(BenchmarkFormat.grouped(count)) leaves of \(LogLeafWorkload.leafLength) bytes")
        print("")
        let rssBefore = ResidentMemory.bytes()
        // Appends and the bare hashes take turns in chunks of leaves, so that load changes hit both alike.
        var workload = LogLeafWorkload()
        var tree = MerkleTree()
        var appendSeconds = 0.0
        var hashSeconds = 0.0
        var folded: UInt64 = 0
        let chunk = max(1, min(100_000, count / 100))
        var next = 0
        var rssAfter = rssBefore
        while next < count {
            let range = next..<min(count, next + chunk)
            appendSeconds += Stopwatch.time {
                for index in range {
                    workload.fill(index)
                    tree.append(leafHash: MerkleHashing.leafHash(workload.leaf))
                }
            }.seconds
            // Before the bare hashes, whose buffers are small: the tree's growth alone.
            if range.upperBound == count { rssAfter = ResidentMemory.bytes() }
            hashSeconds += Stopwatch.time {
                for index in range {
                    workload.fill(index)
                    var hasher = SHA256()
                    workload.leaf.withUnsafeBytes { hasher.update(bufferPointer: $0) }
                    hasher.finalize().withUnsafeBytes { folded ^= $0.loadUnaligned(as: UInt64.self) }
                }
            }.seconds
            next = range.upperBound
        }
        let appendRate = Double(count) / appendSeconds
        let hashRate = Double(count) / hashSeconds
        print("| appends, one task | time | leaves/s | ratio to bare SHA-256 |")
        print("|---|---:|---:|---:|")
        print(
            "| `MerkleTree.append(leafHash: MerkleHashing.leafHash(leaf))` | \(BenchmarkFormat.seconds(appendSeconds)) | \(BenchmarkFormat.rate(appendRate)) | \(BenchmarkFormat.ratio(appendRate / hashRate)) |")
        print(
            "| baseline: bare SHA-256 of the same \(LogLeafWorkload.leafLength)-byte leaves | \(BenchmarkFormat.seconds(hashSeconds)) | \(BenchmarkFormat.rate(hashRate)) | 1.00 |")
        print("")
        print(
            "Resident set growth for the tree: \(ResidentMemory.delta(rssBefore, rssAfter)) (\(ResidentMemory.megabytes(rssAfter)) in all; hash checksum \(String(folded, radix: 16))). Appends and bare hashes ran in turns of \(BenchmarkFormat.grouped(chunk)) leaves."
        )
        print("")
        guard count > 0 else { return }
        let (root, rebuildSeconds) = roots(tree)
        proofs(tree, root: root, rebuildSeconds: rebuildSeconds)
        print("")
        print(
            "Target ≥ 100,000 appends/s: \(appendRate >= 100_000 ? "met" : "NOT met") (\(BenchmarkFormat.rate(appendRate)) leaves/s)."
        )
    }

    /// The root at the full size and at past sizes, and a rebuild from the leaf hashes; returns the current root
    /// and the rebuild's seconds.
    private func roots(_ tree: MerkleTree) -> (root: MerkleHash, rebuildSeconds: Double) {
        var random = SplitMix64(seed: 11)
        let size = tree.size
        let rounds = max(1, options.samples)
        var current: [Double] = []
        var past: [Double] = []
        var root = MerkleHashing.emptyRoot
        for _ in 0..<rounds {
            let pastSize = 1 + Int(random.next() % UInt64(size))
            current.append(Stopwatch.time { root = rootOrStop(tree, size: nil) }.seconds)
            past.append(Stopwatch.time { _ = rootOrStop(tree, size: pastSize) }.seconds)
        }
        let leafHashes = (0..<size).map { index in
            (try? tree.leafHash(at: index)) ?? MerkleHashing.emptyRoot
        }
        let rebuild = Stopwatch.time { () -> MerkleHash in
            rootOrStop(MerkleTree(leafHashes: leafHashes), size: nil)
        }
        guard rebuild.result == root else { fatalError("expected the rebuilt tree to have the same root") }
        print("| at \(BenchmarkFormat.grouped(size)) leaves, each timed alone | median | p99 | mean | max |")
        print("|---|---:|---:|---:|---:|")
        print("| `root()` (\(BenchmarkFormat.grouped(rounds)) times) | \(LatencySummary(current).cells) |")
        print("| `root(size:)` at random past sizes | \(LatencySummary(past).cells) |")
        return (root, rebuild.seconds)
    }

    /// Inclusion proofs of random leaves at the full size, and consistency proofs between random sizes.
    private func proofs(_ tree: MerkleTree, root: MerkleHash, rebuildSeconds: Double) {
        var random = SplitMix64(seed: 13)
        let size = tree.size
        var inclusion: [Double] = []
        var inclusionCheck: [Double] = []
        var inclusionLength = 0
        for _ in 0..<options.samples {
            let index = Int(random.next() % UInt64(size))
            let leafHash = (try? tree.leafHash(at: index)) ?? MerkleHashing.emptyRoot
            let generation = Stopwatch.time { () -> [MerkleHash] in
                do { return try tree.inclusionProof(leafIndex: index, treeSize: size) } catch { fatalError("\(error)") }
            }
            let check = Stopwatch.time {
                MerkleProofVerifier.verifyInclusion(
                    leafHash: leafHash, leafIndex: index, treeSize: size, proof: generation.result, root: root)
            }
            guard check.result else { fatalError("expected the inclusion proof of leaf \(index) to verify") }
            inclusion.append(generation.seconds)
            inclusionCheck.append(check.seconds)
            inclusionLength = max(inclusionLength, generation.result.count)
        }
        var consistency: [Double] = []
        var consistencyCheck: [Double] = []
        for _ in 0..<options.samples {
            let newSize = 1 + Int(random.next() % UInt64(size))
            let oldSize = 1 + Int(random.next() % UInt64(newSize))
            let oldRoot = rootOrStop(tree, size: oldSize)
            let newRoot = rootOrStop(tree, size: newSize)
            let generation = Stopwatch.time { () -> [MerkleHash] in
                do { return try tree.consistencyProof(from: oldSize, to: newSize) } catch { fatalError("\(error)") }
            }
            let check = Stopwatch.time {
                MerkleProofVerifier.verifyConsistency(
                    oldSize: oldSize, newSize: newSize, oldRoot: oldRoot, newRoot: newRoot, proof: generation.result)
            }
            guard check.result else { fatalError("expected the consistency proof \(oldSize) -> \(newSize) to verify") }
            consistency.append(generation.seconds)
            consistencyCheck.append(check.seconds)
        }
        let total = zip(inclusion, inclusionCheck).map(+)
        let samples = BenchmarkFormat.grouped(options.samples)
        print("| inclusion proof generation, \(samples) random leaves (up to \(inclusionLength) hashes) | \(LatencySummary(inclusion).cells) |")
        print("| inclusion proof verification | \(LatencySummary(inclusionCheck).cells) |")
        print("| inclusion proof generation + verification | \(LatencySummary(total).cells) |")
        print("| consistency proof generation, \(samples) random size pairs | \(LatencySummary(consistency).cells) |")
        print("| consistency proof verification | \(LatencySummary(consistencyCheck).cells) |")
        print("")
        print(
            "Rebuild from the \(BenchmarkFormat.grouped(size)) stored leaf hashes (`MerkleTree(leafHashes:)` and `root()`, what `dvc audit` recomputes): \(BenchmarkFormat.seconds(rebuildSeconds)). Each sample is timed alone on the continuous clock (a clock read costs some tens of nanoseconds)."
        )
        let p99 = LatencySummary(inclusion).p99
        print("")
        print(
            "Target inclusion proof < 100 µs at \(BenchmarkFormat.grouped(size)) leaves: \(p99 < 100e-6 ? "met" : "NOT met") (p99 generation \(BenchmarkFormat.microseconds(p99)), p99 generation + verification \(BenchmarkFormat.microseconds(LatencySummary(total).p99)))."
        )
    }

    private func rootOrStop(_ tree: MerkleTree, size: Int?) -> MerkleHash {
        do { return try tree.root(size: size) } catch { fatalError("expected a root at size \(size ?? tree.size), found \(error)") }
    }
}
