import Foundation
import Synchronization
import TestSupport

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `dvc serve` child process on a fresh temporary data folder and a free port (`--port 0`).
///
/// ``start(_:environment:beforeStart:)`` waits for the listening line and parses the port and the first admin
/// token; standard output and standard error are collected for the whole life of the process (``standardOutput``,
/// ``standardError``). Stop it with ``terminate(timeout:)`` (SIGTERM) or ``kill()`` (SIGKILL), start it again on
/// the same data with ``restart()``, and always call ``cleanUp()`` (it kills a process still running and deletes
/// the temporary folder); `deinit` does the same as a safety net.
final class ServerProcess: @unchecked Sendable {
    /// How a stopped server ended.
    struct Exit: Sendable, Equatable {
        /// The exit status, or the signal number when ``signalled``.
        let status: Int32
        /// True when a signal killed the process instead of it exiting.
        let signalled: Bool
    }

    /// What a server is started with; a restart reuses it.
    struct Launch: Sendable {
        /// The temporary folder holding the data folder.
        let folder: URL
        /// Arguments after `serve --data DIR --port 0`.
        let arguments: [String]
        /// The whole environment of the child.
        let environment: [String: String]
        let executable: URL

        /// The `--data` folder.
        var dataDirectory: URL { folder.appendingPathComponent("data") }
    }

    let launch: Launch
    /// The port the server listens on.
    let port: Int
    /// `http://HOST:PORT`.
    let baseURL: String
    /// The admin token printed on a first start; nil when the store already had principals.
    let firstAdminToken: String?
    let session: URLSession

    private let process: Process
    private let stdout: OutputBuffer
    private let stderr: OutputBuffer
    /// Whether ``cleanUp()`` still has to run, and whether it deletes the folder (a restart takes it over).
    private let cleanup = Mutex((pending: true, ownsFolder: true))

    /// The `--data` folder.
    var dataDirectory: URL { launch.dataDirectory }
    /// The environment the server runs with (also used for `dvc admin`).
    var environment: [String: String] { launch.environment }
    /// `--data DIR` and, for PostgreSQL, `--database URL`: the arguments that name the server's store.
    var storeArguments: [String] {
        var arguments = ["--data", dataDirectory.path]
        if let index = launch.arguments.firstIndex(of: "--database"), index + 1 < launch.arguments.count {
            arguments += ["--database", launch.arguments[index + 1]]
        }
        return arguments
    }
    /// Everything the server wrote on standard output so far.
    var standardOutput: String { stdout.text }
    /// Everything the server wrote on standard error so far (the request log).
    var standardError: String { stderr.text }
    /// True while the process runs.
    var isRunning: Bool { process.isRunning }

    private init(launch: Launch, port: Int, host: String, firstAdminToken: String?, process: Process, stdout: OutputBuffer, stderr: OutputBuffer) {
        self.launch = launch
        self.port = port
        self.baseURL = "http://\(host):\(port)"
        self.firstAdminToken = firstAdminToken
        self.process = process
        self.stdout = stdout
        self.stderr = stderr
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 64
        configuration.timeoutIntervalForRequest = 30
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    deinit {
        cleanUp()
    }

    /// Starts `dvc serve --data <fresh folder> --port 0` plus `arguments`, and waits (``startTimeout`` at most) for the line
    /// `OpenDVC listening on http://HOST:PORT …`.
    ///
    /// - Parameters:
    ///   - environment: variables added to (or replacing) the test process's environment; `DVC_MASTER_KEY` is
    ///     removed unless given here, so that SQLite servers make their own key file.
    ///   - beforeStart: runs with the data folder's path (not yet created) before the server starts, for example
    ///     to run another `dvc` command on the same store first.
    static func start(
        _ arguments: [String] = [], environment: [String: String] = [:], beforeStart: (_ dataDirectory: URL) throws -> Void = { _ in }
    ) async throws -> ServerProcess {
        let dvc = try CommandRunner(product: "dvc")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var childEnvironment = ProcessInfo.processInfo.environment
        childEnvironment["DVC_MASTER_KEY"] = nil
        childEnvironment.merge(environment) { _, new in new }
        let launch = Launch(folder: folder, arguments: arguments, environment: childEnvironment, executable: dvc.executable)
        do {
            try beforeStart(launch.dataDirectory)
            return try await run(launch)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    /// Stops this server if it still runs (SIGKILL) and starts a new one on the same data folder and arguments; the
    /// new server owns the folder from then on.
    func restart() async throws -> ServerProcess {
        await kill()
        cleanup.withLock { $0.ownsFolder = false }
        do {
            return try await Self.run(launch)
        } catch {
            cleanup.withLock { $0.ownsFolder = true }
            throw error
        }
    }

    /// Seconds a start may take (the machine may be busy with the rest of the suite).
    static let startTimeout = 180

    /// Runs the child and waits for its listening line, at most ``StartGate/limit`` starts at a time: the whole
    /// test suite runs in parallel on a 2-core machine, and two dozen debug servers starting at once (each makes
    /// keys and a database) would each take minutes.
    private static func run(_ launch: Launch) async throws -> ServerProcess {
        await StartGate.shared.enter()
        do {
            let server = try await runNow(launch)
            await StartGate.shared.leave()
            return server
        } catch {
            await StartGate.shared.leave()
            throw error
        }
    }

    /// Runs the child and waits for its listening line; on failure the child is stopped (the folder is left).
    private static func runNow(_ launch: Launch) async throws -> ServerProcess {
        let process = Process()
        process.executableURL = launch.executable
        process.arguments = ["serve", "--data", launch.dataDirectory.path, "--port", "0"] + launch.arguments
        process.environment = launch.environment
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = OutputBuffer(draining: outPipe)
        let stderr = OutputBuffer(draining: errPipe)

        let deadline = ContinuousClock.now + .seconds(Self.startTimeout)
        while process.isRunning && ContinuousClock.now < deadline && !Task.isCancelled {
            if let (host, port) = listeningAddress(in: stdout.text) {
                return ServerProcess(
                    launch: launch, port: port, host: host, firstAdminToken: firstAdminToken(in: stdout.text), process: process,
                    stdout: stdout, stderr: stderr)
            }
            try? await Task.sleep(for: .milliseconds(25))
        }
        // A test process whose cooperative threads were all busy (other suites run in parallel) may look only now:
        // the line may have come in time.
        if let (host, port) = listeningAddress(in: stdout.text) {
            return ServerProcess(
                launch: launch, port: port, host: host, firstAdminToken: firstAdminToken(in: stdout.text), process: process,
                stdout: stdout, stderr: stderr)
        }
        // Exited, timed out or cancelled: stop it, let its last output (the error message) arrive, report.
        let reason = process.isRunning ? (Task.isCancelled ? "cancelled" : "timed out after \(Self.startTimeout) s") : "exited with status \(process.terminationStatus)"
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        await waitUntilClosed(stdout, stderr)
        throw ServerProcessError(
            "dvc serve did not print its listening line (\(reason)); stdout: \(stdout.text.suffix(500)) stderr: \(stderr.text.suffix(1500))")
    }

    /// Sends SIGTERM and waits for the process to exit (and for its output pipes to close).
    ///
    /// - Throws: ``ServerProcessError`` when it still runs after `timeout` (it is then killed).
    @discardableResult
    func terminate(timeout: Duration = .seconds(30)) async throws -> Exit {
        if process.isRunning { process.terminate() }
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                await kill()
                throw ServerProcessError("dvc serve did not exit within \(timeout) of SIGTERM; killed")
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        await Self.waitUntilClosed(stdout, stderr)
        return Exit(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal)
    }

    /// Kills the process (SIGKILL), as a crash or a power cut would, and waits for it to be gone.
    func kill() async {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        while process.isRunning {
            try? await Task.sleep(for: .milliseconds(10))
        }
        await Self.waitUntilClosed(stdout, stderr)
    }

    /// Kills the process if it still runs and deletes the temporary folder (unless a restart took it over).
    /// Safe to call more than once.
    func cleanUp() {
        let (pending, ownsFolder) = cleanup.withLock { state in
            defer { state.pending = false }
            return (state.pending, state.ownsFolder)
        }
        guard pending else { return }
        if process.isRunning {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        session.invalidateAndCancel()
        if ownsFolder { try? FileManager.default.removeItem(at: launch.folder) }
    }

    /// Waits (2 s at most) until both output pipes reached end of file.
    private static func waitUntilClosed(_ outputs: OutputBuffer...) async {
        let deadline = ContinuousClock.now + .seconds(2)
        while outputs.contains(where: { !$0.isClosed }) && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// `HOST` and `PORT` from the line `OpenDVC listening on http://HOST:PORT (…)`, once it is complete.
    static func listeningAddress(in output: String) -> (host: String, port: Int)? {
        for line in output.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let match = line.firstMatch(of: #/^OpenDVC listening on http://([0-9A-Za-z.\-]+):([0-9]+) /#),
                let port = Int(match.2), port > 0
            else { continue }
            return (String(match.1), port)
        }
        return nil
    }

    /// The token on the line `First admin token (shown once, keep it safe): dvc_…`.
    static func firstAdminToken(in output: String) -> String? {
        let prefix = "First admin token (shown once, keep it safe): "
        for line in output.split(separator: "\n") where line.hasPrefix(prefix) {
            return String(line.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}

/// A failure of the server harness itself (the server did not start, stop or answer as a process should).
struct ServerProcessError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
