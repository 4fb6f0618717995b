extension SQLiteMigrations {
    /// Version 5: document signers marked compromised and certificates suspended until a time (issue 7, points 5
    /// and 3; docs/STORAGE.md).
    static let version5 = """
        CREATE TABLE key_compromises (
            signing_key_id TEXT PRIMARY KEY NOT NULL REFERENCES signing_keys (id),
            key_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            marked_by TEXT NOT NULL REFERENCES principals (id),
            marked_at INTEGER NOT NULL
        );
        CREATE INDEX certificate_payloads_signing_key ON certificate_payloads (signing_key_id);

        CREATE TABLE suspensions (
            certificate_id TEXT PRIMARY KEY NOT NULL REFERENCES certificates (id),
            until INTEGER NOT NULL,
            reason TEXT NOT NULL,
            suspended_by TEXT NOT NULL REFERENCES principals (id),
            suspended_at INTEGER NOT NULL
        );
        """
}
