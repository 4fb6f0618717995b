import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import NIOCore
import NIOPosix

/// A real Mosquitto broker for one test: loopback listener on a free port, a password file made by
/// `mosquitto_passwd`, persistence in a temporary directory, a log file. `stop()` sends SIGTERM (Mosquitto then
/// saves its persistence database) and `start()` starts it again on the same port and directory.
///
/// Missing `mosquitto` or `mosquitto_passwd` is an error, so the tests fail rather than skip
/// (scripts/install-test-dependencies.sh installs them).
public final class MosquittoBroker {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        /// Mosquitto could not bind its port: another program holds it.
        public var portTaken = false

        public init(description: String, portTaken: Bool = false) {
            self.description = description
            self.portTaken = portTaken
        }
    }

    public static let username = "ingest"
    public static let password = "correct horse"

    public let directory: URL
    /// The listener's port: one the kernel handed out just before, taken again when another program got it first.
    public private(set) var port: Int
    private var pid: pid_t?

    public var logURL: URL { directory.appendingPathComponent("mosquitto.log") }

    public init(logEverything: Bool = false) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mosquitto-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        port = 0
        let passwordFile = directory.appendingPathComponent("passwd")
        let passwd = try Self.spawn(
            Self.executable("mosquitto_passwd"), ["-b", "-c", passwordFile.path, Self.username, Self.password])
        try Self.waitForExit(passwd, what: "mosquitto_passwd")
        // The port is free when the kernel hands it out, but another program (an outgoing connection, another
        // test's broker) can take it before Mosquitto binds it: then Mosquitto exits and a new port is tried.
        for attempt in 1...5 {
            port = try Self.freePort()
            try writeConfiguration(passwordFile: passwordFile, logEverything: logEverything)
            do {
                try start()
                return
            } catch let failure as Failure where failure.portTaken && attempt < 5 {
                continue
            }
        }
    }

    private func writeConfiguration(passwordFile: URL, logEverything: Bool) throws {
        let config = """
            listener \(port) 127.0.0.1
            allow_anonymous false
            password_file \(passwordFile.path)
            persistence true
            persistence_location \(directory.path)/
            log_dest file \(logURL.path)
            log_type \(logEverything ? "all" : "error")
            log_type warning
            log_type notice
            log_type information
            connection_messages true
            user root

            """
        try config.write(to: directory.appendingPathComponent("mosquitto.conf"), atomically: true, encoding: .utf8)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Starts Mosquitto and waits until its log says it runs and it accepts TCP connections (a connection alone
    /// could reach another program holding the port while Mosquitto fails to bind it).
    public func start() throws {
        let logStart = log().utf8.count
        let pid = try Self.spawn(
            Self.executable("mosquitto"), ["-c", directory.appendingPathComponent("mosquitto.conf").path])
        self.pid = pid
        // Generous: the suite runs in parallel with everything else on 2 cores in CI.
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let startLog = String(log().utf8.dropFirst(logStart)) ?? ""
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                self.pid = nil
                throw Failure(
                    description: "mosquitto exited: \(log())", portTaken: startLog.contains("Address already in use"))
            }
            if startLog.contains(" running"), Self.accepts(port: port) { return }
            usleep(50_000)
        }
        throw Failure(description: "mosquitto did not listen on port \(port) within 60 s")
    }

    /// SIGTERM, and waits for the process to end (Mosquitto writes its persistence file on the way out).
    public func stop() {
        guard let pid else { return }
        kill(pid, SIGTERM)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        self.pid = nil
    }

    /// The broker's log so far.
    public func log() -> String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    /// Publishes lines with `mosquitto_pub -l` (one message per line, from a file on standard input) and waits
    /// for it to finish.
    public func publishWithMosquittoPub(topic: String, qos: Int, lines: [String]) throws {
        let input = directory.appendingPathComponent("pub-\(UUID().uuidString).txt")
        try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
        let pid = try Self.spawn(
            Self.executable("mosquitto_pub"),
            [
                "-h", "127.0.0.1", "-p", "\(port)", "-u", Self.username, "-P", Self.password, "-q", "\(qos)",
                "-i", "mosquitto-pub-\(UUID().uuidString.prefix(8))", "-t", topic, "-l",
            ], standardInput: input.path)
        try Self.waitForExit(pid, what: "mosquitto_pub")
    }

    // MARK: Helpers

    public static func executable(_ name: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/bin", "/usr/local/sbin"] {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Failure(
            description: "\(name) not found: install Debian's mosquitto and mosquitto-clients "
                + "(scripts/install-test-dependencies.sh)")
    }

    /// Starts a program with an empty signal mask and default signal handlers (a test runner's threads may block
    /// SIGTERM, and a child inherits that: Mosquitto would then never see the SIGTERM), output to /dev/null.
    private static func spawn(_ executable: URL, _ arguments: [String], standardInput: String = "/dev/null") throws
        -> pid_t
    {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGUSR1, SIGUSR2] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var files = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&files)
        defer { posix_spawn_file_actions_destroy(&files) }
        posix_spawn_file_actions_addopen(&files, 0, standardInput, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&files, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&files, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable.path, &files, &attributes, argv, environ)
        guard result == 0 else {
            throw Failure(description: "could not start \(executable.lastPathComponent): errno \(result)")
        }
        return pid
    }

    private static func waitForExit(_ pid: pid_t, what: String) throws {
        var status: Int32 = 0
        guard waitpid(pid, &status, 0) == pid else { throw Failure(description: "waitpid failed for \(what)") }
        guard status == 0 else { throw Failure(description: "\(what) exited with status \(status)") }
    }

    /// A port the kernel just handed out on 127.0.0.1 (bound and released).
    private static func freePort() throws -> Int {
        let channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0).wait()
        defer { try? channel.close().wait() }
        guard let port = channel.localAddress?.port else { throw Failure(description: "no free port") }
        return port
    }

    private static func accepts(port: Int) -> Bool {
        guard
            let channel = try? ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: "127.0.0.1", port: port).wait()
        else { return false }
        try? channel.close().wait()
        return true
    }
}
