import ArgumentParser
import Foundation
import Issuance
import Logging
import PostgresNIO
import Registry
import Storage
import StoragePostgres
import StorageSQLite

/// Where the server's data lives: SQLite in `--data DIR` (default), or PostgreSQL with `--database URL`; and the
/// master key that seals private keys and personal data (`DVC_MASTER_KEY`, else `DIR/master.key`).
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The data folder: the SQLite database and the master key file (created on first start).", valueName: "DIR"))
    var data: String = "dvc-data"

    @Option(help: ArgumentHelp("Use PostgreSQL instead of SQLite: postgres://user[:password]@host[:port]/database[?sslmode=disable|require].", valueName: "URL"))
    var database: String?

    @Option(help: "The issuer's country (ISO 3166-1 alpha-2) on first start.")
    var country: String = "XX"

    @Option(help: "The issuer's organisation name on first start.")
    var organization: String = "OpenDVC Issuer"

    @Option(help: ArgumentHelp("The https URL that SMART Health Cards and W3C credentials name as issuer (serve /.well-known/jwks.json there).", valueName: "URL"))
    var publicURL: String?

    /// The opened store, running `body` while a PostgreSQL client (if any) runs.
    func withStore<Result>(logger: Logger, _ body: (any PlatformStore, MasterKey) async throws -> Result) async throws -> Result {
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let masterKey = try MasterKey.load(
            environment: ProcessInfo.processInfo.environment, file: "\(data)/master.key", createIfMissing: database == nil)
        guard let database else {
            return try await body(try SQLiteStore(path: "\(data)/dvc.sqlite"), masterKey)
        }
        let url = try PostgresURL(database)
        let client = PostgresClient(configuration: url.configuration, backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(PostgresStore(client: client, logger: logger), masterKey)
        }
    }

    /// A description of the store for people (never the database password).
    var storeDescription: String {
        guard let database, let url = try? PostgresURL(database) else { return "SQLite at \(data)/dvc.sqlite" }
        return "PostgreSQL at \(url.host):\(url.port)/\(url.database ?? "")"
    }

    func registryConfiguration(port: Int) -> RegistryConfiguration {
        RegistryConfiguration(country: country, organization: organization, publicURL: publicURL ?? "https://localhost:\(port)")
    }
}
