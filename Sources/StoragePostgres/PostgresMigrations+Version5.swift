extension PostgresMigrations {
    /// Version 5: document signers marked compromised and certificate suspensions, as in `SQLiteMigrations.version5`.
    static let version5 = Migration(
        version: 5,
        statements: [
            """
            CREATE TABLE key_compromises (
                signing_key_id uuid CONSTRAINT key_compromises_pkey PRIMARY KEY
                    CONSTRAINT key_compromises_signing_key_id_fkey REFERENCES signing_keys (id),
                key_id TEXT NOT NULL,
                reason TEXT NOT NULL,
                marked_by uuid NOT NULL CONSTRAINT key_compromises_marked_by_fkey REFERENCES principals (id),
                marked_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX certificate_payloads_signing_key ON certificate_payloads (signing_key_id)",
            """
            CREATE TABLE suspensions (
                certificate_id uuid CONSTRAINT suspensions_pkey PRIMARY KEY
                    CONSTRAINT suspensions_certificate_id_fkey REFERENCES certificates (id),
                until BIGINT NOT NULL,
                reason TEXT NOT NULL,
                suspended_by uuid NOT NULL CONSTRAINT suspensions_suspended_by_fkey REFERENCES principals (id),
                suspended_at BIGINT NOT NULL
            )
            """,
        ])
}
