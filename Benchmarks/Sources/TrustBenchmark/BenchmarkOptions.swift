import Foundation

/// The command-line options of `TrustBenchmark`.
///
/// `--entries N` revocation entries (default 10,000,000; 0 skips the revocation part), `--leaves N` log leaves
/// (default 10,000,000; 0 skips the log part), `--seconds S` per throughput measurement (default 3),
/// `--queries N` pre-generated lookup keys, half listed and half not (default 1,000,000), `--samples N` proofs
/// timed one by one for the latency percentiles (default 10,000).
struct BenchmarkOptions {
    var entries = 10_000_000
    var leaves = 10_000_000
    var seconds = 3.0
    var queries = 1_000_000
    var samples = 10_000

    /// Reads the options from `arguments` (without the program name); unknown or malformed options stop the run.
    init(arguments: [String]) {
        var index = 0
        func value(_ name: String) -> String {
            guard index + 1 < arguments.count else { Self.fail("expected a value after \(name)") }
            index += 1
            return arguments[index]
        }
        func count(_ name: String) -> Int {
            let text = value(name).replacingUnderscores()
            guard let number = Int(text), number >= 0 else { Self.fail("expected a count after \(name), found \(text)") }
            return number
        }
        while index < arguments.count {
            let name = arguments[index]
            switch name {
            case "--entries": entries = count(name)
            case "--leaves": leaves = count(name)
            case "--queries": queries = max(2, count(name))
            case "--samples": samples = max(1, count(name))
            case "--seconds":
                let text = value(name)
                guard let number = Double(text), number > 0 else { Self.fail("expected seconds above 0, found \(text)") }
                seconds = number
            case "--help", "-h":
                print(Self.usage)
                Foundation.exit(0)
            default:
                Self.fail("unknown option \(name)")
            }
            index += 1
        }
    }

    static let usage = """
        Usage: TrustBenchmark [--entries N] [--leaves N] [--seconds S] [--queries N] [--samples N]
          --entries N   revocation entries in the snapshot (default 10000000; 0 skips revocation)
          --leaves N    transparency log leaves (default 10000000; 0 skips the log)
          --seconds S   duration of each throughput measurement (default 3)
          --queries N   pre-generated lookup keys, half listed, half not (default 1000000)
          --samples N   proofs timed one by one for median and p99 (default 10000)
        """

    private static func fail(_ message: String) -> Never {
        print("TrustBenchmark: \(message)\n\(usage)")
        Foundation.exit(2)
    }
}

extension String {
    /// The text without `_` digit separators, so that `10_000_000` is accepted like Swift literals.
    fileprivate func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
