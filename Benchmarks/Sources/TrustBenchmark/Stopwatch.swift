/// Wall-clock timing on the continuous clock.
enum Stopwatch {
    static let clock = ContinuousClock()

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Runs `body` once and returns its result and its duration in seconds.
    @inline(__always)
    static func time<Result>(_ body: () throws -> Result) rethrows -> (result: Result, seconds: Double) {
        let start = clock.now
        let result = try body()
        return (result, seconds(clock.now - start))
    }

    /// Runs every pass once to warm up, then in turn (round-robin) until each has run for at least `minimumSeconds`,
    /// so that a change in the machine's load during the run affects every pass alike and their ratios stay
    /// meaningful. Returns, per pass, operations per second and the last result.
    static func interleavedThroughput(
        minimumSeconds: Double, _ passes: [(operations: Int, run: () -> Int)]
    ) -> [(perSecond: Double, result: Int)] {
        var results = passes.map { $0.run() }
        var elapsed = [Double](repeating: 0, count: passes.count)
        var rounds = 0
        repeat {
            for (index, pass) in passes.enumerated() {
                let start = clock.now
                results[index] = pass.run()
                elapsed[index] += seconds(clock.now - start)
            }
            rounds += 1
        } while elapsed.contains(where: { $0 < minimumSeconds })
        return passes.indices.map { (Double(rounds * passes[$0].operations) / elapsed[$0], results[$0]) }
    }
}
