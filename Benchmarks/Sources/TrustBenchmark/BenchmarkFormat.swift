import Foundation

/// Number formatting for the markdown summary, and the machine facts printed with it.
enum BenchmarkFormat {
    /// An integer with `,` every three digits.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }

    /// A rate, rounded to a whole number and grouped.
    static func rate(_ value: Double) -> String { grouped(Int(value.rounded())) }

    /// Megabytes (10^6 bytes) with one decimal.
    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }

    /// Seconds with three decimals.
    static func seconds(_ value: Double) -> String { String(format: "%.3f s", value) }

    /// Microseconds with two decimals.
    static func microseconds(_ seconds: Double) -> String { String(format: "%.2f µs", seconds * 1e6) }

    /// A ratio with two decimals.
    static func ratio(_ value: Double) -> String { String(format: "%.2f", value) }

    /// The CPU model (first `model name` of /proc/cpuinfo), the online core count and the load averages, for the
    /// caveats under the figures.
    static func machine() -> String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
        return "\(cpu ?? "unknown CPU"), \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(loadAverage())"
    }

    /// The three load averages of /proc/loadavg, or `n/a`.
    static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "n/a" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
