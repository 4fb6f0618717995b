import Foundation

/// Runs an external program (an independent decoder or encoder, a Python script, a built product) and collects
/// its output. Standard input is written and both output pipes are drained concurrently, so that no full pipe
/// can block the child.
public enum ExternalProgram {
    /// The result of one run.
    public struct Output: Sendable {
        public let status: Int32
        public let standardOutputData: Data
        public let standardError: String
        /// Standard output as UTF-8 text.
        public var standardOutput: String { String(decoding: standardOutputData, as: UTF8.self) }
    }

    /// A child that exits before reading all of its input closes the pipe; writing on would raise SIGPIPE and
    /// kill the test process. Ignored once, so the write fails with EPIPE instead (and is dropped).
    private static let ignoreBrokenPipes: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()

    /// Runs `executable` with `arguments`; standard input is `input`, or empty when nil.
    public static func run(
        _ executable: URL, _ arguments: [String], input: Data? = nil, environment: [String: String]? = nil
    ) throws -> Output {
        _ = ignoreBrokenPipes
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            errorData = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            if let input { try? stdin.fileHandleForWriting.write(contentsOf: input) }
            try? stdin.fileHandleForWriting.close()
            group.leave()
        }
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, standardOutputData: outputData,
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// Runs `python3` with `arguments`.
    ///
    /// - Throws: ``PythonModuleMissing`` when the script fails to import a module: interoperability tests fail,
    ///   never skip, when their tools are missing (scripts/install-test-dependencies.sh installs them).
    public static func python(_ arguments: [String], input: Data? = nil) throws -> Output {
        let output = try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments, input: input)
        let pythonMissing = output.status == 127
        if output.standardError.contains("ModuleNotFoundError") || pythonMissing {
            throw PythonModuleMissing(detail: String(output.standardError.suffix(500)))
        }
        return output
    }
}

/// A Python module (or python3 itself) that an interoperability test needs is not installed.
public struct PythonModuleMissing: Error, CustomStringConvertible {
    public let detail: String
    public var description: String {
        "a Python module the test needs is missing; run scripts/install-test-dependencies.sh: \(detail)"
    }
}
