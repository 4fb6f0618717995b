import Foundation
import Logging
import PostgresNIO
import Storage
import StoragePostgres
import StorageSQLite
import Testing

/// The adapters the conformance suite runs against.
enum StorageBackend: String, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// Runs `body` with a fresh, migrated store of this backend, and removes it afterwards.
    ///
    /// PostgreSQL: a new database on the server named by `DVC_TEST_POSTGRES_URL` (`scripts/test.sh` starts a
    /// throw-away cluster and sets it). Without it the test fails: it does not skip.
    func withStore<Result: Sendable>(_ body: (any PlatformStore) async throws -> Result) async throws -> Result {
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-store-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let store = try SQLiteStore(path: folder.appendingPathComponent("dvc.sqlite").path)
            try await store.migrate()
            return try await body(store)
        case .postgres:
            let server = try TestPostgres.configuration()
            let name = "dvc_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try await TestPostgres.withClient(server) { admin in
                try await admin.query("CREATE DATABASE \(unescaped: name)")
            }
            var configuration = server
            configuration.database = name
            do {
                let result = try await TestPostgres.withClient(configuration) { client in
                    let store = PostgresStore(client: client, logger: TestPostgres.logger)
                    try await store.migrate()
                    return try await body(store)
                }
                try await TestPostgres.drop(name, on: server)
                return result
            } catch {
                try? await TestPostgres.drop(name, on: server)
                throw error
            }
        }
    }
}

/// The PostgreSQL server of the test run.
enum TestPostgres {
    static let logger = Logger(label: "dvc.tests.postgres")

    /// The variable `scripts/test.sh` sets.
    static let variable = "DVC_TEST_POSTGRES_URL"

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "expected \(TestPostgres.variable) naming a PostgreSQL server (scripts/test.sh starts one: `scripts/postgres-test-cluster.sh start`), found none"
        }
    }

    static func configuration() throws -> PostgresClient.Configuration {
        guard let url = ProcessInfo.processInfo.environment[variable], !url.isEmpty else { throw Missing() }
        return try PostgresURL(url).configuration
    }

    /// Runs `body` with a running client for `configuration`.
    static func withClient<Result: Sendable>(
        _ configuration: PostgresClient.Configuration, _ body: (PostgresClient) async throws -> Result
    ) async throws -> Result {
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }

    static func drop(_ database: String, on server: PostgresClient.Configuration) async throws {
        try await withClient(server) { admin in
            try await admin.query("DROP DATABASE IF EXISTS \(unescaped: database) WITH (FORCE)")
        }
    }
}
