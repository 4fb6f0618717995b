extension SQLiteMigrations {
    /// Version 4: the transparency log (docs/STORAGE.md).
    ///
    /// `log_queue` holds encoded entries (``TransparencyLog/LogEntry/encoded()``) written in the transaction of the
    /// fact they record; `integrateLogQueue` moves them into `log_leaves` (dense indices from 0) under the write
    /// lock. `log_tree_heads` keeps every signed tree head, `log_signing_keys` the log's ES256 key (sealed).
    /// `certificate_payloads.payload_hash` is SHA-256 of the payload text (NULL for payloads stored before).
    static let version4 = """
        ALTER TABLE certificate_payloads ADD COLUMN payload_hash BLOB;

        CREATE TABLE log_queue (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            entry BLOB NOT NULL
        );

        CREATE TABLE log_leaves (
            leaf_index INTEGER PRIMARY KEY NOT NULL CHECK (leaf_index >= 0),
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            entry BLOB NOT NULL,
            leaf_hash BLOB NOT NULL,
            content_hash BLOB NOT NULL
        );
        CREATE INDEX log_leaves_content_hash ON log_leaves (content_hash);
        CREATE INDEX log_leaves_subject ON log_leaves (kind, subject);

        CREATE TABLE log_tree_heads (
            size INTEGER PRIMARY KEY NOT NULL CHECK (size >= 0),
            root BLOB NOT NULL,
            timestamp INTEGER NOT NULL,
            signature BLOB NOT NULL,
            key_id TEXT NOT NULL
        );

        CREATE TABLE log_signing_keys (
            key_id TEXT PRIMARY KEY NOT NULL,
            public_key BLOB NOT NULL,
            sealed_private_key BLOB NOT NULL,
            created_at INTEGER NOT NULL
        );
        """
}
