/// Median, 99th percentile, mean and maximum of per-operation times.
struct LatencySummary {
    let median: Double
    let p99: Double
    let mean: Double
    let maximum: Double

    /// The summary of `samples` (seconds each; at least one).
    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        func percentile(_ fraction: Double) -> Double {
            sorted[min(sorted.count - 1, Int((fraction * Double(sorted.count)).rounded(.up)) - 1)]
        }
        median = percentile(0.5)
        p99 = percentile(0.99)
        mean = sorted.reduce(0, +) / Double(sorted.count)
        maximum = sorted.last ?? 0
    }

    /// The markdown cells `median | p99 | mean | max`.
    var cells: String {
        [median, p99, mean, maximum].map(BenchmarkFormat.microseconds).joined(separator: " | ")
    }
}
