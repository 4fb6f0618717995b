import Foundation
import GRDB
import Storage

/// ``PlatformStore`` on one SQLite file through GRDB: a `DatabasePool` in WAL mode, so that readers do not wait
/// for the writer and a second process (the `dvc` command line next to the server) can write with a busy
/// timeout. The schema is docs/STORAGE.md's, applied by ``migrate()``.
///
/// `Sendable` without `@unchecked`: the only stored property is a `DatabasePool`, which GRDB declares
/// `Sendable` (it serialises writes and hands out reader connections itself).
public final class SQLiteStore: PlatformStore {
    /// The oldest SQLite this store accepts (3.35 brought `RETURNING` and `DROP COLUMN`; the schema relies on
    /// partial indexes and `ON CONFLICT … DO NOTHING`, which are older).
    static let minimumSQLiteVersion = (major: 3, minor: 35)

    let pool: DatabasePool

    /// Opens (and creates when missing) the database at `path`: WAL mode, foreign keys on, a 5 second busy
    /// timeout, `synchronous = NORMAL`. Call ``migrate()`` before anything else.
    ///
    /// - Throws: ``StorageError`` `STORAGE_UNAVAILABLE` when the file cannot be opened or the linked SQLite is
    ///   older than 3.35.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.foreignKeysEnabled = true
        configuration.publicStatementArguments = false
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw SQLiteErrorMapping.storageError(from: error, during: "opening the database file")
        }
        let version: String?
        do {
            version = try pool.read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") }
        } catch {
            throw SQLiteErrorMapping.storageError(from: error, during: "reading sqlite_version()")
        }
        guard let version, Self.isSupported(version: version) else {
            throw StorageError(
                .unavailable,
                "expected SQLite \(Self.minimumSQLiteVersion.major).\(Self.minimumSQLiteVersion.minor) or newer; "
                    + "found \(version ?? "no version")")
        }
    }

    /// Whether an `x.y.z` SQLite version is at least ``minimumSQLiteVersion``.
    static func isSupported(version: String) -> Bool {
        let parts = version.split(separator: ".").map { Int($0) }
        guard parts.count >= 2, let major = parts[0], let minor = parts[1] else { return false }
        return (major, minor) >= minimumSQLiteVersion
    }

    /// Brings the schema to this build's version in one write transaction; a no-op when it is there. Several
    /// processes may call it at once: SQLite's write lock serialises them and the later ones find nothing to do.
    ///
    /// - Throws: `STORAGE_MIGRATION` when the schema cannot be brought to this build's version.
    public func migrate() async throws {
        let now = SQLiteValues.milliseconds(Date())
        do {
            try await pool.write { db in try SQLiteMigrations.apply(db, appliedAt: now) }
        } catch let error as StorageError {
            throw error
        } catch {
            let mapped = SQLiteErrorMapping.storageError(from: error, during: "migrating the schema")
            throw StorageError(.migration, mapped.message)
        }
    }

    /// Runs `body` in one write transaction (IMMEDIATE), mapping database errors to ``StorageError``.
    func write<T: Sendable>(_ operation: String, _ body: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch {
            throw SQLiteErrorMapping.storageError(from: error, during: operation)
        }
    }

    /// Runs `body` in one read transaction (a consistent snapshot), mapping database errors to ``StorageError``.
    func read<T: Sendable>(_ operation: String, _ body: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw SQLiteErrorMapping.storageError(from: error, during: operation)
        }
    }
}
