import GRDB
import Storage

/// The SQLite schema as numbered plain-SQL migrations (docs/STORAGE.md), recorded in `schema_migrations` (the
/// same table and numbering as `PostgresMigrations`, hence no GRDB `DatabaseMigrator`).
///
/// Ids are lowercase UUID text, times Unix milliseconds (`INTEGER`), bytes `BLOB`.
enum SQLiteMigrations {
    /// One migration: its version and the statements it runs.
    struct Migration: Sendable {
        let version: Int64
        let sql: String
    }

    /// Every migration, in version order.
    static let all: [Migration] = [
        Migration(version: 1, sql: version1), Migration(version: 2, sql: version2), Migration(version: 3, sql: version3),
        Migration(version: 4, sql: version4), Migration(version: 5, sql: version5),
    ]

    /// The newest schema version this build knows.
    static var latestVersion: Int64 { all.last?.version ?? 0 }

    /// The table that records applied versions; created before anything else.
    static let createMigrationsTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY NOT NULL,
            applied_at INTEGER NOT NULL
        )
        """

    /// Applies the migrations the database lacks, inside the caller's write transaction.
    ///
    /// - Throws: `STORAGE_MIGRATION` when the database has a version this build does not know (a newer build
    ///   migrated it).
    static func apply(_ db: Database, appliedAt: Int64) throws {
        try db.execute(sql: createMigrationsTable)
        let applied = Set(try Int64.fetchAll(db, sql: "SELECT version FROM schema_migrations"))
        if let newest = applied.max(), newest > latestVersion {
            throw StorageError(
                .migration,
                "expected schema_migrations to hold versions up to \(latestVersion); found version \(newest) "
                    + "(the database was migrated by a newer build)")
        }
        for migration in all where !applied.contains(migration.version) {
            try db.execute(sql: migration.sql)
            try db.execute(
                sql: "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                arguments: [migration.version, appliedAt])
        }
    }

    /// Version 3: devices and their telemetry (docs/TELEMETRY.md), lots and captured EPCIS events
    /// (docs/GS1-EPCIS.md).
    ///
    /// `telemetry_batches.sequence` holds the device's `UInt64` sequence number up to `Int64.max` (larger ones are
    /// refused before they reach the table). An excursion is identified by device, kind and start; its primary key
    /// lists them in the order of the overlap query (device, then start, then kind), and the table is clustered on
    /// it (`WITHOUT ROWID`), so that the excursions of many devices are read in order without a sort.
    /// `lot_custody.since` is the entry's time and `lot_custody.locations` a JSON array of strings.
    /// `vaccination_events_lot` is replaced by an index that also serves the "oldest first" order of a lot's
    /// vaccinations.
    static let version3 = """
        CREATE TABLE devices (
            id TEXT PRIMARY KEY NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('logger', 'tracker', 'gateway')),
            public_key BLOB NOT NULL,
            profile TEXT NOT NULL,
            label TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            disabled_at INTEGER
        );

        CREATE TABLE device_placements (
            device_id TEXT NOT NULL REFERENCES devices (id),
            location TEXT NOT NULL,
            since INTEGER NOT NULL,
            PRIMARY KEY (device_id, since)
        );
        CREATE INDEX device_placements_location ON device_placements (location, device_id);

        CREATE TABLE telemetry_batches (
            device_id TEXT NOT NULL REFERENCES devices (id),
            sequence INTEGER NOT NULL CHECK (sequence >= 0),
            digest BLOB NOT NULL,
            signed_bytes BLOB NOT NULL,
            reading_count INTEGER NOT NULL CHECK (reading_count >= 0),
            position_count INTEGER NOT NULL CHECK (position_count >= 0),
            first_time INTEGER,
            last_time INTEGER,
            transport TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            PRIMARY KEY (device_id, sequence)
        );

        CREATE TABLE device_monitors (
            device_id TEXT PRIMARY KEY NOT NULL REFERENCES devices (id),
            state BLOB NOT NULL,
            updated_at INTEGER NOT NULL
        );

        CREATE TABLE excursions (
            device_id TEXT NOT NULL REFERENCES devices (id),
            kind TEXT NOT NULL,
            start_at INTEGER NOT NULL,
            end_at INTEGER NOT NULL,
            is_open INTEGER NOT NULL CHECK (is_open IN (0, 1)),
            extreme_c REAL NOT NULL,
            PRIMARY KEY (device_id, start_at, kind),
            CHECK (end_at >= start_at)
        ) WITHOUT ROWID;

        CREATE TABLE lots (
            gtin TEXT NOT NULL,
            lot TEXT NOT NULL,
            expiry TEXT,
            product_code TEXT,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (gtin, lot)
        );
        CREATE INDEX lots_lot ON lots (lot, gtin);

        CREATE TABLE epcis_events (
            hash TEXT PRIMARY KEY NOT NULL,
            event_type TEXT NOT NULL,
            event_time INTEGER NOT NULL,
            biz_step TEXT,
            event_json BLOB NOT NULL,
            captured_at INTEGER NOT NULL
        );
        CREATE INDEX epcis_events_time ON epcis_events (event_time, hash);

        CREATE TABLE lot_custody (
            gtin TEXT NOT NULL,
            lot TEXT NOT NULL,
            event_hash TEXT NOT NULL REFERENCES epcis_events (hash),
            since INTEGER NOT NULL,
            locations TEXT NOT NULL,
            in_transit INTEGER NOT NULL CHECK (in_transit IN (0, 1)),
            PRIMARY KEY (gtin, lot, event_hash)
        );

        CREATE TABLE lot_events (
            id TEXT PRIMARY KEY NOT NULL,
            gtin TEXT NOT NULL,
            lot TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('status_changed', 'recall', 'override')),
            status TEXT NOT NULL,
            reason_code TEXT NOT NULL,
            detail TEXT NOT NULL,
            principal_id TEXT REFERENCES principals (id),
            created_at INTEGER NOT NULL
        );
        CREATE INDEX lot_events_lot ON lot_events (gtin, lot, created_at, id);

        DROP INDEX vaccination_events_lot;
        CREATE INDEX vaccination_events_lot_created ON vaccination_events (lot, created_at, id);
        """

    /// Version 2: bulk issuance jobs and their rows.
    static let version2 = """
        CREATE TABLE bulk_jobs (
            id TEXT PRIMARY KEY NOT NULL,
            principal_id TEXT NOT NULL REFERENCES principals (id),
            kind TEXT NOT NULL CHECK (kind IN ('csv', 'fhir')),
            formats TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('running', 'done')),
            total_rows INTEGER NOT NULL CHECK (total_rows >= 0),
            issued_rows INTEGER NOT NULL,
            failed_rows INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX bulk_jobs_running ON bulk_jobs (status, created_at);

        CREATE TABLE bulk_rows (
            job_id TEXT NOT NULL REFERENCES bulk_jobs (id),
            row_number INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('pending', 'issued', 'failed')),
            sealed_input BLOB NOT NULL,
            certificate_id TEXT UNIQUE REFERENCES certificates (id),
            error_code TEXT,
            error_field TEXT,
            PRIMARY KEY (job_id, row_number)
        );
        """

    /// Version 1: every table of docs/STORAGE.md.
    static let version1 = """
        CREATE TABLE issuers (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            country TEXT NOT NULL,
            public_url TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );

        CREATE TABLE signing_keys (
            id TEXT PRIMARY KEY NOT NULL,
            issuer_id TEXT NOT NULL REFERENCES issuers (id),
            kind TEXT NOT NULL CHECK (kind IN ('csca', 'dsc')),
            key_id TEXT NOT NULL UNIQUE,
            certificate_der BLOB NOT NULL,
            sealed_private_key BLOB NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('active', 'retired')),
            not_before INTEGER NOT NULL,
            not_after INTEGER NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX signing_keys_one_active_dsc ON signing_keys (issuer_id)
            WHERE kind = 'dsc' AND status = 'active';

        CREATE TABLE sites (
            id TEXT PRIMARY KEY NOT NULL,
            issuer_id TEXT NOT NULL REFERENCES issuers (id),
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            UNIQUE (issuer_id, code)
        );

        CREATE TABLE principals (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('admin', 'issuer', 'verifier', 'device', 'analyst')),
            token_id TEXT NOT NULL UNIQUE,
            token_hash BLOB NOT NULL,
            site_id TEXT REFERENCES sites (id),
            created_at INTEGER NOT NULL,
            disabled_at INTEGER
        );

        CREATE TABLE holders (
            id TEXT PRIMARY KEY NOT NULL,
            lookup_hash BLOB UNIQUE,
            sealed_personal_data BLOB NOT NULL,
            created_at INTEGER NOT NULL
        );

        CREATE TABLE vaccination_events (
            id TEXT PRIMARY KEY NOT NULL,
            holder_id TEXT NOT NULL REFERENCES holders (id),
            issuer_id TEXT NOT NULL REFERENCES issuers (id),
            site_id TEXT REFERENCES sites (id),
            recorded_by TEXT NOT NULL REFERENCES principals (id),
            date TEXT NOT NULL,
            dose INTEGER NOT NULL,
            total_doses INTEGER,
            vaccine_system TEXT NOT NULL,
            vaccine_code TEXT NOT NULL,
            lot TEXT,
            sealed_record BLOB NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX vaccination_events_lot ON vaccination_events (lot);

        CREATE TABLE certificates (
            id TEXT PRIMARY KEY NOT NULL,
            event_id TEXT NOT NULL UNIQUE REFERENCES vaccination_events (id),
            issuer_id TEXT NOT NULL REFERENCES issuers (id),
            issued_by TEXT NOT NULL REFERENCES principals (id),
            issued_at INTEGER NOT NULL,
            expires_at INTEGER
        );

        CREATE TABLE certificate_payloads (
            certificate_id TEXT NOT NULL REFERENCES certificates (id),
            format TEXT NOT NULL CHECK (format IN ('hc1', 'shc', 'vds', 'vc')),
            identifier TEXT NOT NULL,
            signing_key_id TEXT NOT NULL REFERENCES signing_keys (id),
            sealed_payload BLOB NOT NULL,
            PRIMARY KEY (certificate_id, format),
            UNIQUE (format, identifier)
        );

        CREATE TABLE revocations (
            certificate_id TEXT PRIMARY KEY NOT NULL REFERENCES certificates (id),
            reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
            revoked_by TEXT NOT NULL REFERENCES principals (id),
            revoked_at INTEGER NOT NULL
        );

        CREATE TABLE idempotency_keys (
            principal_id TEXT NOT NULL REFERENCES principals (id),
            key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
            request_hash BLOB NOT NULL,
            certificate_id TEXT NOT NULL REFERENCES certificates (id),
            created_at INTEGER NOT NULL,
            PRIMARY KEY (principal_id, key)
        );
        """
}
