/// The PostgreSQL schema as plain SQL, one numbered migration per schema version (docs/STORAGE.md). The numbers
/// match `SQLiteMigrations`; every migration runs in the transaction that `PostgresStore.migrate()` holds under an
/// advisory lock.
enum PostgresMigrations {
    /// One schema version: its number and its statements, run in order (one statement per string, because the
    /// extended query protocol takes one statement at a time).
    struct Migration: Sendable {
        let version: Int
        let statements: [String]
    }

    /// The key of the transaction-level advisory lock that serialises migrations across processes.
    static let advisoryLockKey: Int64 = 0x4F44_5643_5354_4F52  // "ODVCSTOR"

    /// The advisory lock of first-start steps (the first issuer, the first principal).
    static let firstStartLockKey: Int64 = 0x4F44_5643_4649_5253  // "ODVCFIRS"

    /// Creates `schema_migrations` when it is missing (run under the advisory lock, before reading it).
    static let createMigrationsTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            applied_at BIGINT NOT NULL
        )
        """

    /// Every migration, oldest first.
    static let all: [Migration] = [version1, version2, version3, version4, version5]

    /// The schema version this build expects.
    static var latestVersion: Int { all.map(\.version).max() ?? 0 }

    /// Version 3: devices and their telemetry (docs/TELEMETRY.md), lots and captured EPCIS events
    /// (docs/GS1-EPCIS.md).
    ///
    /// Text keys are `COLLATE "C"` so that they compare and sort by bytes, as in SQLite, whatever the database's
    /// collation. `telemetry_batches.sequence` holds the device's `UInt64` sequence number up to `Int64.max`
    /// (larger ones are refused before they reach the table). An excursion is identified by device, kind and
    /// start; its primary key lists them in the order of the overlap query (device, then start, then kind).
    /// `lot_custody.since` is the entry's time and `lot_custody.locations` a JSON array of strings. `vaccination_events_lot_idx` is replaced by an index that
    /// also serves the "oldest first" order of a lot's vaccinations.
    static let version3 = Migration(
        version: 3,
        statements: [
            """
            CREATE TABLE devices (
                id TEXT COLLATE "C" CONSTRAINT devices_pkey PRIMARY KEY,
                kind TEXT NOT NULL CONSTRAINT devices_kind_check CHECK (kind IN ('logger', 'tracker', 'gateway')),
                public_key bytea NOT NULL,
                profile TEXT NOT NULL,
                label TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                disabled_at BIGINT
            )
            """,
            """
            CREATE TABLE device_placements (
                device_id TEXT COLLATE "C" NOT NULL
                    CONSTRAINT device_placements_device_id_fkey REFERENCES devices (id),
                location TEXT COLLATE "C" NOT NULL,
                since BIGINT NOT NULL,
                CONSTRAINT device_placements_pkey PRIMARY KEY (device_id, since)
            )
            """,
            "CREATE INDEX device_placements_location ON device_placements (location, device_id)",
            """
            CREATE TABLE telemetry_batches (
                device_id TEXT COLLATE "C" NOT NULL
                    CONSTRAINT telemetry_batches_device_id_fkey REFERENCES devices (id),
                sequence BIGINT NOT NULL CONSTRAINT telemetry_batches_sequence_check CHECK (sequence >= 0),
                digest bytea NOT NULL,
                signed_bytes bytea NOT NULL,
                reading_count INTEGER NOT NULL CONSTRAINT telemetry_batches_reading_count_check CHECK (reading_count >= 0),
                position_count INTEGER NOT NULL
                    CONSTRAINT telemetry_batches_position_count_check CHECK (position_count >= 0),
                first_time BIGINT,
                last_time BIGINT,
                transport TEXT NOT NULL,
                received_at BIGINT NOT NULL,
                CONSTRAINT telemetry_batches_pkey PRIMARY KEY (device_id, sequence)
            )
            """,
            """
            CREATE TABLE device_monitors (
                device_id TEXT COLLATE "C" CONSTRAINT device_monitors_pkey PRIMARY KEY
                    CONSTRAINT device_monitors_device_id_fkey REFERENCES devices (id),
                state bytea NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE excursions (
                device_id TEXT COLLATE "C" NOT NULL CONSTRAINT excursions_device_id_fkey REFERENCES devices (id),
                kind TEXT COLLATE "C" NOT NULL,
                start_at BIGINT NOT NULL,
                end_at BIGINT NOT NULL,
                is_open BOOLEAN NOT NULL,
                extreme_c DOUBLE PRECISION NOT NULL,
                CONSTRAINT excursions_pkey PRIMARY KEY (device_id, start_at, kind),
                CONSTRAINT excursions_end_check CHECK (end_at >= start_at)
            )
            """,
            """
            CREATE TABLE lots (
                gtin TEXT COLLATE "C" NOT NULL,
                lot TEXT COLLATE "C" NOT NULL,
                expiry TEXT,
                product_code TEXT,
                created_at BIGINT NOT NULL,
                CONSTRAINT lots_pkey PRIMARY KEY (gtin, lot)
            )
            """,
            "CREATE INDEX lots_lot ON lots (lot, gtin)",
            """
            CREATE TABLE epcis_events (
                hash TEXT COLLATE "C" CONSTRAINT epcis_events_pkey PRIMARY KEY,
                event_type TEXT NOT NULL,
                event_time BIGINT NOT NULL,
                biz_step TEXT,
                event_json bytea NOT NULL,
                captured_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX epcis_events_time ON epcis_events (event_time, hash)",
            """
            CREATE TABLE lot_custody (
                gtin TEXT COLLATE "C" NOT NULL,
                lot TEXT COLLATE "C" NOT NULL,
                event_hash TEXT COLLATE "C" NOT NULL
                    CONSTRAINT lot_custody_event_hash_fkey REFERENCES epcis_events (hash),
                since BIGINT NOT NULL,
                locations TEXT NOT NULL,
                in_transit BOOLEAN NOT NULL,
                CONSTRAINT lot_custody_pkey PRIMARY KEY (gtin, lot, event_hash)
            )
            """,
            """
            CREATE TABLE lot_events (
                id uuid CONSTRAINT lot_events_pkey PRIMARY KEY,
                gtin TEXT COLLATE "C" NOT NULL,
                lot TEXT COLLATE "C" NOT NULL,
                kind TEXT NOT NULL CONSTRAINT lot_events_kind_check CHECK (kind IN ('status_changed', 'recall', 'override')),
                status TEXT NOT NULL,
                reason_code TEXT NOT NULL,
                detail TEXT NOT NULL,
                principal_id uuid CONSTRAINT lot_events_principal_id_fkey REFERENCES principals (id),
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX lot_events_lot ON lot_events (gtin, lot, created_at, id)",
            "DROP INDEX vaccination_events_lot_idx",
            "CREATE INDEX vaccination_events_lot_created ON vaccination_events (lot, created_at, id)",
        ])

    /// Version 2: bulk issuance jobs and their rows.
    static let version2 = Migration(
        version: 2,
        statements: [
            """
            CREATE TABLE bulk_jobs (
                id uuid PRIMARY KEY,
                principal_id uuid NOT NULL REFERENCES principals (id),
                kind TEXT NOT NULL CONSTRAINT bulk_jobs_kind_check CHECK (kind IN ('csv', 'fhir')),
                formats TEXT NOT NULL,
                status TEXT NOT NULL CONSTRAINT bulk_jobs_status_check CHECK (status IN ('running', 'done')),
                total_rows INTEGER NOT NULL CONSTRAINT bulk_jobs_total_rows_check CHECK (total_rows >= 0),
                issued_rows INTEGER NOT NULL,
                failed_rows INTEGER NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX bulk_jobs_running ON bulk_jobs (status, created_at)",
            """
            CREATE TABLE bulk_rows (
                job_id uuid NOT NULL REFERENCES bulk_jobs (id),
                row_number INTEGER NOT NULL,
                status TEXT NOT NULL CONSTRAINT bulk_rows_status_check CHECK (status IN ('pending', 'issued', 'failed')),
                sealed_input bytea NOT NULL,
                certificate_id uuid CONSTRAINT bulk_rows_certificate_id_key UNIQUE REFERENCES certificates (id),
                error_code TEXT,
                error_field TEXT,
                CONSTRAINT bulk_rows_pkey PRIMARY KEY (job_id, row_number)
            )
            """,
        ])

    static let version1 = Migration(
        version: 1,
        statements: [
            """
            CREATE TABLE issuers (
                id uuid PRIMARY KEY,
                name TEXT NOT NULL,
                country TEXT NOT NULL,
                public_url TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE signing_keys (
                id uuid PRIMARY KEY,
                issuer_id uuid NOT NULL CONSTRAINT signing_keys_issuer_id_fkey REFERENCES issuers (id),
                kind TEXT NOT NULL CONSTRAINT signing_keys_kind_check CHECK (kind IN ('csca', 'dsc')),
                key_id TEXT NOT NULL CONSTRAINT signing_keys_key_id_key UNIQUE,
                certificate_der bytea NOT NULL,
                sealed_private_key bytea NOT NULL,
                status TEXT NOT NULL CONSTRAINT signing_keys_status_check CHECK (status IN ('active', 'retired')),
                not_before BIGINT NOT NULL,
                not_after BIGINT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE UNIQUE INDEX signing_keys_one_active_dsc ON signing_keys (issuer_id)
                WHERE kind = 'dsc' AND status = 'active'
            """,
            """
            CREATE TABLE sites (
                id uuid PRIMARY KEY,
                issuer_id uuid NOT NULL CONSTRAINT sites_issuer_id_fkey REFERENCES issuers (id),
                code TEXT NOT NULL,
                name TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                CONSTRAINT sites_issuer_id_code_key UNIQUE (issuer_id, code)
            )
            """,
            """
            CREATE TABLE principals (
                id uuid PRIMARY KEY,
                name TEXT NOT NULL,
                role TEXT NOT NULL
                    CONSTRAINT principals_role_check CHECK (role IN ('admin', 'issuer', 'verifier', 'device', 'analyst')),
                token_id TEXT NOT NULL CONSTRAINT principals_token_id_key UNIQUE,
                token_hash bytea NOT NULL,
                site_id uuid CONSTRAINT principals_site_id_fkey REFERENCES sites (id),
                created_at BIGINT NOT NULL,
                disabled_at BIGINT
            )
            """,
            """
            CREATE TABLE holders (
                id uuid PRIMARY KEY,
                lookup_hash bytea CONSTRAINT holders_lookup_hash_key UNIQUE,
                sealed_personal_data bytea NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE vaccination_events (
                id uuid PRIMARY KEY,
                holder_id uuid NOT NULL CONSTRAINT vaccination_events_holder_id_fkey REFERENCES holders (id),
                issuer_id uuid NOT NULL CONSTRAINT vaccination_events_issuer_id_fkey REFERENCES issuers (id),
                site_id uuid CONSTRAINT vaccination_events_site_id_fkey REFERENCES sites (id),
                recorded_by uuid NOT NULL CONSTRAINT vaccination_events_recorded_by_fkey REFERENCES principals (id),
                date TEXT NOT NULL,
                dose INTEGER NOT NULL,
                total_doses INTEGER,
                vaccine_system TEXT NOT NULL,
                vaccine_code TEXT NOT NULL,
                lot TEXT,
                sealed_record bytea NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX vaccination_events_lot_idx ON vaccination_events (lot)",
            """
            CREATE TABLE certificates (
                id uuid PRIMARY KEY,
                event_id uuid NOT NULL CONSTRAINT certificates_event_id_key UNIQUE
                    CONSTRAINT certificates_event_id_fkey REFERENCES vaccination_events (id),
                issuer_id uuid NOT NULL CONSTRAINT certificates_issuer_id_fkey REFERENCES issuers (id),
                issued_by uuid NOT NULL CONSTRAINT certificates_issued_by_fkey REFERENCES principals (id),
                issued_at BIGINT NOT NULL,
                expires_at BIGINT
            )
            """,
            """
            CREATE TABLE certificate_payloads (
                certificate_id uuid NOT NULL CONSTRAINT certificate_payloads_certificate_id_fkey REFERENCES certificates (id),
                format TEXT NOT NULL CONSTRAINT certificate_payloads_format_check CHECK (format IN ('hc1', 'shc', 'vds', 'vc')),
                identifier TEXT NOT NULL,
                signing_key_id uuid NOT NULL
                    CONSTRAINT certificate_payloads_signing_key_id_fkey REFERENCES signing_keys (id),
                sealed_payload bytea NOT NULL,
                CONSTRAINT certificate_payloads_pkey PRIMARY KEY (certificate_id, format),
                CONSTRAINT certificate_payloads_format_identifier_key UNIQUE (format, identifier)
            )
            """,
            """
            CREATE TABLE revocations (
                certificate_id uuid PRIMARY KEY CONSTRAINT revocations_certificate_id_fkey REFERENCES certificates (id),
                reason TEXT NOT NULL CONSTRAINT revocations_reason_check CHECK (char_length(reason) BETWEEN 1 AND 200),
                revoked_by uuid NOT NULL CONSTRAINT revocations_revoked_by_fkey REFERENCES principals (id),
                revoked_at BIGINT NOT NULL
            )
            """,
            // certificate_id is checked at commit: record(_:) inserts the key first, so that a concurrent request
            // with the same key waits on the primary key until this one commits or rolls back.
            """
            CREATE TABLE idempotency_keys (
                principal_id uuid NOT NULL CONSTRAINT idempotency_keys_principal_id_fkey REFERENCES principals (id),
                key TEXT NOT NULL CONSTRAINT idempotency_keys_key_check CHECK (char_length(key) BETWEEN 1 AND 200),
                request_hash bytea NOT NULL,
                certificate_id uuid NOT NULL CONSTRAINT idempotency_keys_certificate_id_fkey REFERENCES certificates (id)
                    DEFERRABLE INITIALLY DEFERRED,
                created_at BIGINT NOT NULL,
                CONSTRAINT idempotency_keys_pkey PRIMARY KEY (principal_id, key)
            )
            """,
        ]
    )
}
