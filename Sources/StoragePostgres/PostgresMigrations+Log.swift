extension PostgresMigrations {
    /// The advisory lock under which one process at a time moves `log_queue` into `log_leaves`.
    static let logLockKey: Int64 = 0x4F44_5643_4C4F_4721  // "ODVCLOG!"

    /// Version 4: the transparency log (docs/STORAGE.md), as in `SQLiteMigrations.version4`.
    ///
    /// `log_queue` holds encoded entries written in the transaction of the fact they record; `integrateLogQueue`
    /// moves them into `log_leaves` (dense indices from 0) under ``logLockKey``. `log_tree_heads` keeps every
    /// signed tree head, `log_signing_keys` the log's ES256 key (sealed). `certificate_payloads.payload_hash` is
    /// SHA-256 of the payload text (NULL for payloads stored before).
    static let version4 = Migration(
        version: 4,
        statements: [
            "ALTER TABLE certificate_payloads ADD COLUMN payload_hash bytea",
            """
            CREATE TABLE log_queue (
                id BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT log_queue_pkey PRIMARY KEY,
                entry bytea NOT NULL
            )
            """,
            """
            CREATE TABLE log_leaves (
                leaf_index BIGINT CONSTRAINT log_leaves_pkey PRIMARY KEY
                    CONSTRAINT log_leaves_leaf_index_check CHECK (leaf_index >= 0),
                kind TEXT COLLATE "C" NOT NULL,
                subject TEXT COLLATE "C" NOT NULL,
                entry bytea NOT NULL,
                leaf_hash bytea NOT NULL,
                content_hash bytea NOT NULL
            )
            """,
            "CREATE INDEX log_leaves_content_hash ON log_leaves (content_hash)",
            "CREATE INDEX log_leaves_subject ON log_leaves (kind, subject)",
            """
            CREATE TABLE log_tree_heads (
                size BIGINT CONSTRAINT log_tree_heads_pkey PRIMARY KEY CONSTRAINT log_tree_heads_size_check CHECK (size >= 0),
                root bytea NOT NULL,
                timestamp BIGINT NOT NULL,
                signature bytea NOT NULL,
                key_id TEXT COLLATE "C" NOT NULL
            )
            """,
            """
            CREATE TABLE log_signing_keys (
                key_id TEXT COLLATE "C" CONSTRAINT log_signing_keys_pkey PRIMARY KEY,
                public_key bytea NOT NULL,
                sealed_private_key bytea NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
        ])
}
