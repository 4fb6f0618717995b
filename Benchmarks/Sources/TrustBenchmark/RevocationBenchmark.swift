import Crypto
import Revocation

/// The revocation part: a snapshot of `--entries` entries from ``RevocationWorkload`` is built, encoded and decoded
/// (times, encoded bytes, `storageByteCount`, resident set before and after), then `--queries` pre-generated keys
/// (half listed, half not, shuffled) are looked up on one task for `--seconds` per row, the rows taking turns.
///
/// Baselines measured in the same run on the same keys: a `Set<RawRevocationKey>` holding every listed key (the
/// standard library's hash set, the obvious alternative: the ratio shows what the compact tables cost or save),
/// and a bare SHA-256 of a 40-byte input truncated to 16 bytes (the key derivation a verifier performs before every
/// lookup: the ratio shows what the lookup adds to it).
struct RevocationBenchmark {
    let options: BenchmarkOptions
    let workload = RevocationWorkload()

    func run() {
        let count = options.entries
        print("## Revocation: \(BenchmarkFormat.grouped(count)) entries")
        print("")
        let rssStart = ResidentMemory.bytes()
        var built = buildAndEncode(count)
        let rssBeforeDecode = ResidentMemory.bytes()
        let decoding = Stopwatch.time { () -> RevocationSnapshot in
            do {
                return try RevocationSnapshot(decoding: built.encoded)
            } catch {
                fatalError("expected the encoded snapshot to decode, found \(error)")
            }
        }
        let snapshot = decoding.result
        let rssAfterDecode = ResidentMemory.bytes()
        let encodedByteCount = built.encoded.count
        built.encoded = []
        let rssAfterRelease = ResidentMemory.bytes()
        guard snapshot.count == built.count, snapshot.storageByteCount == built.storageByteCount else {
            fatalError("expected the decoded snapshot to hold \(built.count) keys, found \(snapshot.count)")
        }
        print("| step | time | entries/s |")
        print("|---|---:|---:|")
        for step in built.steps + [("decode `RevocationSnapshot(decoding:)` (validates every record)", decoding.seconds)] {
            print("| \(step.0) | \(BenchmarkFormat.seconds(step.1)) | \(BenchmarkFormat.rate(Double(count) / step.1)) |")
        }
        print("")
        let perEntry = { (bytes: Int) in String(format: "%.2f", Double(bytes) / Double(max(1, snapshot.count))) }
        print("| memory | bytes | bytes/entry |")
        print("|---|---:|---:|")
        print("| encoded snapshot | \(BenchmarkFormat.megabytes(encodedByteCount)) | \(perEntry(encodedByteCount)) |")
        print("| `storageByteCount` (tables, bucket indexes, suspensions) | \(BenchmarkFormat.megabytes(snapshot.storageByteCount)) | \(perEntry(snapshot.storageByteCount)) |")
        if let before = rssBeforeDecode, let after = rssAfterDecode {
            print("| resident set growth while decoding | \(ResidentMemory.delta(before, after)) | \(perEntry(after - before)) |")
        }
        print("")
        print(
            "Resident set (/proc/self/statm): \(ResidentMemory.megabytes(rssStart)) at start, \(ResidentMemory.megabytes(built.rssAfterEntries)) with the \(BenchmarkFormat.grouped(count)) generated entries, \(ResidentMemory.megabytes(built.rssAfterBuild)) after the build, \(ResidentMemory.megabytes(rssBeforeDecode)) holding only the encoded bytes, \(ResidentMemory.megabytes(rssAfterDecode)) after decoding, \(ResidentMemory.megabytes(rssAfterRelease)) holding only the decoded snapshot."
        )
        print("")
        lookups(snapshot)
        let target = 200_000_000
        let resident = rssAfterDecode.flatMap { after in rssBeforeDecode.map { after - $0 } } ?? snapshot.storageByteCount
        print("")
        print(
            "Target in-memory size < 200 MB (issue 7: at 10,000,000 entries) with \(BenchmarkFormat.grouped(snapshot.count)) entries: \(max(snapshot.storageByteCount, resident) < target ? "met" : "NOT met") (storageByteCount \(BenchmarkFormat.megabytes(snapshot.storageByteCount)), resident growth \(BenchmarkFormat.megabytes(resident)))."
        )
    }

    /// What ``buildAndEncode(_:)`` keeps: the encoded bytes, the step times and the built snapshot's figures.
    struct Built {
        var encoded: [UInt8]
        var steps: [(String, Double)]
        var count: Int
        var storageByteCount: Int
        var rssAfterEntries: Int?
        var rssAfterBuild: Int?
    }

    /// Generates the entries, builds and encodes the snapshot; the entries and the built snapshot are released on
    /// return, so that the decode that follows measures the snapshot alone.
    private func buildAndEncode(_ count: Int) -> Built {
        let generation = Stopwatch.time { () -> [RevocationEntry] in
            var entries: [RevocationEntry] = []
            entries.reserveCapacity(count)
            for index in 0..<count { entries.append(workload.entry(index)) }
            return entries
        }
        let rssAfterEntries = ResidentMemory.bytes()
        let suspended = generation.result.reduce(0) { $0 + ($1.suspendedUntil == nil ? 0 : 1) }
        var types: [RevocationHashType: Int] = [:]
        for entry in generation.result { types[entry.key.type, default: 0] += 1 }
        print(
            "Mix: " + RevocationHashType.allCases.map { "\($0.rawValue) \(BenchmarkFormat.grouped(types[$0] ?? 0))" }.joined(separator: ", ")
                + "; \(BenchmarkFormat.grouped(suspended)) of them suspensions (half ended at the lookup time).")
        print("")
        let building = Stopwatch.time {
            RevocationSnapshot(version: 1, issuedAt: RevocationWorkload.now, nextUpdate: RevocationWorkload.now + 86_400_000, entries: generation.result)
        }
        let rssAfterBuild = ResidentMemory.bytes()
        let encoding = Stopwatch.time { building.result.encoded() }
        return Built(
            encoded: encoding.result,
            steps: [
                ("generate entries (`RevocationHashes`: strings and SHA-256, workload only)", generation.seconds),
                ("build `RevocationSnapshot(entries:)` (sort, tables)", building.seconds),
                ("encode `encoded()`", encoding.seconds),
            ],
            count: building.result.count, storageByteCount: building.result.storageByteCount,
            rssAfterEntries: rssAfterEntries, rssAfterBuild: rssAfterBuild)
    }

    /// The lookup rows and both baselines, measured round-robin.
    private func lookups(_ snapshot: RevocationSnapshot) {
        let listedCount = options.queries / 2
        var random = SplitMix64(seed: 7)
        let generation = Stopwatch.time { () -> (hits: [RevocationKey], misses: [RevocationKey]) in
            let hits = (0..<listedCount).map { _ in workload.entry(Int(random.next() % UInt64(options.entries))).key }
            let misses = (0..<(options.queries - listedCount)).map { workload.entry(options.entries + $0).key }
            return (hits, misses)
        }
        let hits = generation.result.hits
        let misses = generation.result.misses
        var mixed = hits + misses
        mixed.shuffle(using: &random)
        let now = RevocationWorkload.now

        // Baseline 1: the standard library's Set of the same keys.
        let rssBeforeSet = ResidentMemory.bytes()
        let setBuild = Stopwatch.time { () -> Set<RawRevocationKey> in
            var set = Set<RawRevocationKey>(minimumCapacity: snapshot.count)
            snapshot.forEachEntry { set.insert(RawRevocationKey($0.key)) }
            return set
        }
        let set = setBuild.result
        let rssAfterSet = ResidentMemory.bytes()
        let rawMixed = mixed.map(RawRevocationKey.init)
        // Baseline 2: bare SHA-256 of 40-byte inputs (a UVCI's length), truncated to 16 bytes.
        let inputLength = 40
        var inputs = [UInt8](repeating: 0, count: mixed.count * inputLength)
        for index in inputs.indices { inputs[index] = UInt8(truncatingIfNeeded: SplitMix64.mix(UInt64(index)) % 36 + 48) }

        print(
            "Lookups on one task: \(BenchmarkFormat.grouped(mixed.count)) pre-generated keys (\(BenchmarkFormat.grouped(hits.count)) listed, \(BenchmarkFormat.grouped(misses.count)) not listed, generated from indices the table never saw, in \(BenchmarkFormat.seconds(generation.seconds))), shuffled. The rows run one pass over their keys in turn (round-robin, after one warm-up pass each) until each has run for at least \(options.seconds) s, so that load changes on the shared machine hit every row alike."
        )
        print("")
        func lookupPass(_ keys: [RevocationKey]) -> () -> Int {
            {
                var listed = 0
                for key in keys {
                    switch snapshot.lookup(key, now: now) {
                    case .active: break
                    case .revoked, .suspended: listed += 1
                    }
                }
                return listed
            }
        }
        let rows: [(name: String, operations: Int, run: () -> Int)] = [
            ("`RevocationSnapshot.lookup(_:now:)`, 50 % listed", mixed.count, lookupPass(mixed)),
            ("`lookup(_:now:)`, listed keys only", hits.count, lookupPass(hits)),
            ("`lookup(_:now:)`, unlisted keys only", misses.count, lookupPass(misses)),
            (
                "`contains(_:)`, 50 % listed", mixed.count,
                {
                    var found = 0
                    for key in mixed where snapshot.contains(key) { found += 1 }
                    return found
                }
            ),
            (
                "baseline: `Set<RawRevocationKey>.contains`, 50 % listed", rawMixed.count,
                {
                    var found = 0
                    for key in rawMixed where set.contains(key) { found += 1 }
                    return found
                }
            ),
            (
                "baseline: bare SHA-256 of 40 bytes, truncated to 16", mixed.count,
                {
                    inputs.withUnsafeBytes { raw in
                        var folded: UInt64 = 0
                        for index in 0..<mixed.count {
                            var hasher = SHA256()
                            hasher.update(
                                bufferPointer: UnsafeRawBufferPointer(rebasing: raw[(index * inputLength)..<((index + 1) * inputLength)]))
                            hasher.finalize().withUnsafeBytes {
                                folded ^= $0.loadUnaligned(as: UInt64.self) ^ $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                            }
                        }
                        return Int(truncatingIfNeeded: folded)
                    }
                }
            ),
        ]
        let measured = Stopwatch.interleavedThroughput(minimumSeconds: options.seconds, rows.map { ($0.operations, $0.run) })
        guard measured[3].result == hits.count, measured[4].result == hits.count, measured[2].result == 0 else {
            fatalError(
                "expected \(hits.count) listed keys in the snapshot and the Set and no listed miss, found \(measured[3].result), \(measured[4].result) and \(measured[2].result)")
        }
        let base = measured[4].perSecond
        let sha = measured[5].perSecond
        print("| lookups, one task | per second | ns each | ratio to Set | ratio to SHA-256 |")
        print("|---|---:|---:|---:|---:|")
        for (row, result) in zip(rows, measured) {
            let rate = result.perSecond
            print(
                "| \(row.name) | \(BenchmarkFormat.rate(rate)) | \(String(format: "%.0f", 1e9 / rate)) | \(BenchmarkFormat.ratio(rate / base)) | \(BenchmarkFormat.ratio(rate / sha)) |")
        }
        print("")
        print(
            "The Set baseline holds the same \(BenchmarkFormat.grouped(set.count)) keys as (type code, two UInt64) with the standard library's hashing: built in \(BenchmarkFormat.seconds(setBuild.seconds)), resident set growth \(ResidentMemory.delta(rssBeforeSet, rssAfterSet)) against the snapshot's \(BenchmarkFormat.megabytes(snapshot.storageByteCount)). The SHA-256 baseline is the key derivation a verifier performs before each lookup."
        )
        print("")
        print(
            "Target ≥ 1,000,000 lookups/s on one core: \(measured[0].perSecond >= 1_000_000 ? "met" : "NOT met") (\(BenchmarkFormat.rate(measured[0].perSecond)) mixed; \(BenchmarkFormat.grouped(measured[0].result)) of the \(BenchmarkFormat.grouped(mixed.count)) keys revoked or suspended at the lookup time)."
        )
    }
}
