import Foundation

/// The process's resident set size, from `/proc/self/statm` (Linux); nil where that file does not exist.
enum ResidentMemory {
    /// Resident bytes now: the second field of `/proc/self/statm` (pages) times the page size.
    static func bytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Megabytes (10^6 bytes) with one decimal, or `n/a`.
    static func megabytes(_ bytes: Int?) -> String {
        guard let bytes else { return "n/a" }
        return BenchmarkFormat.megabytes(bytes)
    }

    /// The signed difference `after - before` in megabytes, or `n/a`.
    static func delta(_ before: Int?, _ after: Int?) -> String {
        guard let before, let after else { return "n/a" }
        let text = BenchmarkFormat.megabytes(abs(after - before))
        return (after >= before ? "+" : "-") + text
    }
}
