import Foundation

/// Runs a built executable of this package (e.g. `dvc`) and captures its output.
public struct CommandRunner: Sendable {
    /// The result of one run.
    public struct Output: Sendable {
        public let status: Int32
        public let standardOutput: String
        public let standardError: String
    }

    public let executable: URL

    /// Finds `name` in the build products folder that holds the running test bundle.
    public init(product name: String) throws {
        var candidates: [URL] = []
        let argument0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = argument0.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent(name))
            folder.deleteLastPathComponent()
        }
        for bundle in Bundle.allBundles {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent(name))
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw ProductMissing(name: name, searched: candidates.map(\.path))
        }
        executable = found
    }

    /// Runs the executable with `arguments`, feeding `input` on standard input.
    /// ``run(_:input:environment:)`` off the cooperative thread pool, for async tests: a blocking wait there would
    /// starve the other suites running in parallel on a 2-core machine (their timeouts then fire).
    public func runDetached(_ arguments: [String], input: Data? = nil, environment: [String: String]? = nil) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try self.run(arguments, input: input, environment: environment) })
            }
        }
    }

    public func run(_ arguments: [String], input: Data? = nil, environment: [String: String]? = nil) throws -> Output {
        let output = try ExternalProgram.run(executable, arguments, input: input, environment: environment)
        return Output(status: output.status, standardOutput: output.standardOutput, standardError: output.standardError)
    }
}

/// Thrown when a product was not built next to the tests.
public struct ProductMissing: Error, CustomStringConvertible {
    public let name: String
    public let searched: [String]
    public var description: String { "executable \(name) not found; build it first (swift build). Searched: \(searched)" }
}
