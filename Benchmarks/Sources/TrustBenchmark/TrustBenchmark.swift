import Foundation

/// Issue 7's performance targets, in one run, release build, one task:
/// 1. revocation: a snapshot of 10 million entries (build, encode, decode, encoded and in-memory size, resident
///    set) and lookups per second of listed and unlisted keys, next to a `Set` of the same keys and a bare SHA-256
///    key derivation measured in the same run (target ≥ 1,000,000 lookups/s, < 200 MB in memory);
/// 2. transparency log: 10 million appends of 100-byte leaves next to a bare SHA-256 of the same bytes (target
///    ≥ 100,000 leaves/s), the root, and inclusion and consistency proofs at that size, median and p99 (target
///    inclusion proof < 100 µs).
///
/// Usage: TrustBenchmark [--entries N] [--leaves N] [--seconds S] [--queries N] [--samples N]
/// (defaults 10,000,000, 10,000,000, 3, 1,000,000 and 10,000; `--entries 0` or `--leaves 0` skips a part).
@main
struct TrustBenchmark {
    static func main() {
        let options = BenchmarkOptions(arguments: Array(CommandLine.arguments.dropFirst()))
        let start = Stopwatch.clock.now
        print("# Trust benchmark (issue 7)")
        print("")
        print("Release build, one task. Machine: \(BenchmarkFormat.machine()) at start.")
        print("")
        if options.entries > 0 {
            RevocationBenchmark(options: options).run()
            print("")
        }
        if options.leaves > 0 {
            TransparencyLogBenchmark(options: options).run()
            print("")
        }
        print(
            "Run took \(BenchmarkFormat.seconds(Stopwatch.seconds(Stopwatch.clock.now - start))); load average at the end \(BenchmarkFormat.loadAverage()) (the machine is shared: compare ratios rather than absolute rates)."
        )
    }
}
