import Foundation
import TestSupport

/// A fresh, uniquely named database in the throw-away PostgreSQL cluster named by `DVC_TEST_POSTGRES_URL`
/// (`scripts/postgres-test-cluster.sh`), created with `psql` and dropped by ``drop()``.
struct PostgresTestDatabase: Sendable {
    /// The environment variable naming the cluster's maintenance database.
    static let environmentVariable = "DVC_TEST_POSTGRES_URL"

    /// The URL of the new database, for `dvc serve --database`.
    let url: String
    /// Its name.
    let name: String
    /// The cluster URL the database was created from.
    private let clusterURL: String

    /// Creates a database named `dvc_server_test_<random>`.
    ///
    /// - Throws: ``ServerProcessError`` when `DVC_TEST_POSTGRES_URL` is not set (PostgreSQL tests fail, never
    ///   skip) or psql fails.
    static func create() throws -> PostgresTestDatabase {
        guard let clusterURL = ProcessInfo.processInfo.environment[environmentVariable], !clusterURL.isEmpty else {
            throw ServerProcessError(
                "\(environmentVariable) is not set: run `eval \"$(scripts/postgres-test-cluster.sh start)\"` first (scripts/test.sh does)")
        }
        guard var components = URLComponents(string: clusterURL) else {
            throw ServerProcessError("\(environmentVariable) is not a URL")
        }
        let name = "dvc_server_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        components.path = "/" + name
        guard let url = components.string else { throw ServerProcessError("cannot build a database URL") }
        let database = PostgresTestDatabase(url: url, name: name, clusterURL: clusterURL)
        try database.psql("CREATE DATABASE \(name)")
        return database
    }

    /// Drops the database, disconnecting whoever still uses it.
    func drop() {
        _ = try? psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Runs one SQL command on the cluster's maintenance database.
    @discardableResult
    func psql(_ command: String) throws -> String {
        try Self.psql(command, on: clusterURL)
    }

    /// Runs one SQL query on the test database and returns its unaligned output.
    func query(_ sql: String) throws -> String {
        try Self.psql(sql, on: url).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func psql(_ command: String, on databaseURL: String) throws -> String {
        let output = try ExternalProgram.run(
            psqlExecutable, [databaseURL, "-v", "ON_ERROR_STOP=1", "-Atqc", command])
        guard output.status == 0 else {
            throw ServerProcessError("psql failed with status \(output.status): \(output.standardError)")
        }
        return output.standardOutput
    }

    /// PostgreSQL's own psql (the newest installed version), else the one on the PATH.
    static var psqlExecutable: URL {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for version in versions.sorted(by: { $0.compare($1, options: .numeric) == .orderedDescending }) {
            let path = "\(root)/\(version)/bin/psql"
            if FileManager.default.isExecutableFile(atPath: path) { return URL(fileURLWithPath: path) }
        }
        return URL(fileURLWithPath: "/usr/bin/psql")
    }
}

extension ServerProcess {
    /// Starts a server on `store` ("SQLite", or "PostgreSQL" on a fresh database with a random master key).
    /// Clean up with `server.cleanUp()` and then `database?.drop()`.
    static func start(store: String, _ arguments: [String] = []) async throws -> (server: ServerProcess, database: PostgresTestDatabase?) {
        var arguments = arguments
        var environment: [String: String] = [:]
        let database = store == "PostgreSQL" ? try PostgresTestDatabase.create() : nil
        if let database {
            arguments += ["--database", database.url]
            environment["DVC_MASTER_KEY"] = Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        }
        do {
            return (try await ServerProcess.start(arguments, environment: environment), database)
        } catch {
            database?.drop()
            throw error
        }
    }
}
