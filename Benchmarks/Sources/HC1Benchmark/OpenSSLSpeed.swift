import Foundation

/// Runs `openssl speed -seconds 3 ecdsap256` and reads its verify/s figure.
enum OpenSSLSpeed {
    static func verifyPerSecond() -> Double? {
        guard let output = try? Shell.run("/usr/bin/env", ["openssl", "speed", "-seconds", "3", "ecdsap256"]) else { return nil }
        // "256 bits ecdsa (nistp256)   0.0000s   0.0001s  29656.9  11291.3"
        for line in output.split(separator: "\n") where line.contains("nistp256") {
            if let last = line.split(separator: " ").last, let value = Double(last) { return value }
        }
        return nil
    }
}

/// Times `dvc verify --batch` on a file of payloads.
enum BatchRun {
    static func run(dvc: String, fixture: Fixture, count: Int) throws -> (perSecond: Double, count: Int) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("payloads.txt")
        let trust = folder.appendingPathComponent("dsc.pem")
        var lines: [String] = []
        while lines.count < count { lines.append(contentsOf: fixture.payloads.prefix(count - lines.count)) }
        try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
        try fixture.certificatePEM.write(to: trust, atomically: true, encoding: .utf8)
        var best = 0.0
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            let output = try Shell.run(dvc, ["verify", "--batch", "--trust", trust.path, input.path])
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let validLines = output.split(separator: "\n").filter { $0.contains("\"valid\":true") }.count
            precondition(validLines == count, "dvc verify --batch reported \(validLines) valid of \(count)")
            best = max(best, Double(count) / seconds)
        }
        return (best, count)
    }
}

enum Shell {
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
