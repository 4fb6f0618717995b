import Foundation
import Logging
import PostgresNIO
import Storage
import Synchronization

/// ``PlatformStore`` on PostgreSQL through postgres-nio: the schema of docs/STORAGE.md (`PostgresMigrations`),
/// safe for several processes on one database.
///
/// The caller owns the client and runs it (`client.run()`, a `Service`, for example in a `ServiceGroup`) for as
/// long as the store is used. Errors are ``StorageError``s (a cancelled task throws `CancellationError`).
public final class PostgresStore: PlatformStore {
    let client: PostgresClient
    let logger: Logger
    /// Each device's monitor state as this process last stored or read it: the expectation of the one-statement
    /// path of ``storeTelemetry(_:update:)`` (a compare-and-set, so a stale entry only costs the slower path).
    let monitorStates = Mutex<[String: DeviceMonitorState]>([:])

    /// Creates a store on `client`; call ``migrate()`` once before using it.
    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Applies the missing migrations in one transaction under a transaction-level advisory lock, so that
    /// processes starting together apply each version once; `STORAGE_MIGRATION` when the database is newer than
    /// this build.
    public func migrate() async throws {
        let logger = self.logger
        do {
            try await client.withTransaction(logger: logger) { connection in
                _ = try await connection.query(
                    "SELECT pg_advisory_xact_lock(\(PostgresMigrations.advisoryLockKey))", logger: logger
                ).collect()
                try await connection.query(
                    PostgresQuery(unsafeSQL: PostgresMigrations.createMigrationsTable), logger: logger)
                var applied = Set<Int>()
                for try await version in try await connection.query(
                    "SELECT version FROM schema_migrations", logger: logger
                ).decode(Int.self) {
                    applied.insert(version)
                }
                if let newest = applied.max(), newest > PostgresMigrations.latestVersion {
                    throw StorageError(
                        .migration,
                        "the schema is at version \(newest), newer than this build's \(PostgresMigrations.latestVersion)")
                }
                for migration in PostgresMigrations.all where !applied.contains(migration.version) {
                    for statement in migration.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    let now = PostgresCoding.milliseconds(Date())
                    try await connection.query(
                        "INSERT INTO schema_migrations (version, applied_at) VALUES (\(migration.version), \(now))",
                        logger: logger)
                    logger.info("applied schema migration", metadata: ["version": "\(migration.version)"])
                }
            }
        } catch {
            throw PostgresErrorMapping.storageError(error, migrating: true)
        }
    }

    /// Runs `body` (decoding rows), mapping every error to a ``StorageError``.
    func decoding<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw PostgresErrorMapping.storageError(error)
        }
    }

    /// Runs `body`, mapping every error to a ``StorageError``.
    func mapped<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw PostgresErrorMapping.storageError(error)
        }
    }

    /// Runs `body` in a transaction (rolled back when it throws), mapping every error to a ``StorageError``.
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let logger = self.logger
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await body(connection)
            }
        } catch {
            throw PostgresErrorMapping.storageError(error)
        }
    }

    /// Runs `query` outside a transaction and returns its rows, mapping every error to a ``StorageError``.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await mapped {
            try await client.query(query, logger: logger).collect()
        }
    }

    /// Runs a statement that returns no rows outside a transaction.
    func execute(_ query: PostgresQuery) async throws {
        _ = try await rows(query)
    }
}
