import Foundation
import PostgresNIO
import Storage
import TransparencyLog

extension PostgresStore {
    /// Stores a recorded dose (holder when new, event, certificate, payloads, idempotency key) in one transaction.
    ///
    /// The idempotency key is inserted first (`ON CONFLICT DO NOTHING`): a concurrent request with the same key
    /// waits on the key's primary key until this transaction ends, then finds the stored key and replays it (same
    /// request hash) or fails with `STORAGE_CONFLICT` (another hash). The key's reference to the certificate is
    /// checked at commit.
    public func record(_ issuance: Issuance) async throws -> IssuanceOutcome {
        let logger = self.logger
        return try await transaction { connection in
            if let idempotency = issuance.idempotency {
                let inserted = try await connection.query(
                    """
                    INSERT INTO idempotency_keys (principal_id, key, request_hash, certificate_id, created_at)
                    VALUES (\(idempotency.principalID), \(idempotency.key),
                            \(PostgresCoding.buffer(idempotency.requestHash)), \(idempotency.certificateID),
                            \(PostgresCoding.milliseconds(idempotency.createdAt)))
                    ON CONFLICT (principal_id, key) DO NOTHING
                    RETURNING 1
                    """, logger: logger
                ).collect()
                if inserted.isEmpty {
                    return try await Self.replay(idempotency, connection: connection, logger: logger)
                }
            }
            try await Self.insertRows(of: issuance, connection: connection, logger: logger)
            return .recorded
        }
    }

    /// The outcome for a key stored before: a replay when the request hash matches, else `STORAGE_CONFLICT`.
    private static func replay(
        _ idempotency: IdempotentResponse, connection: PostgresConnection, logger: Logger
    ) async throws -> IssuanceOutcome {
        let rows = try await connection.query(
            """
            SELECT request_hash, certificate_id, created_at FROM idempotency_keys
            WHERE principal_id = \(idempotency.principalID) AND key = \(idempotency.key)
            """, logger: logger
        ).collect()
        guard let row = rows.first else {
            // The key's row was there a moment ago (the insert conflicted) and rows are never deleted.
            throw StorageError(.unavailable, "idempotency_keys changed during the transaction")
        }
        let (requestHash, certificateID, createdAt) = try row.decode((ByteBuffer, UUID, Int64).self)
        let storedHash = PostgresCoding.bytes(requestHash)
        guard storedHash == idempotency.requestHash else {
            throw StorageError(
                .conflict, "idempotency_keys: the principal used this key for another request (request_hash differs)")
        }
        return .replayed(
            IdempotentResponse(
                principalID: idempotency.principalID, key: idempotency.key, requestHash: storedHash,
                certificateID: certificateID, createdAt: PostgresCoding.date(createdAt)))
    }

    /// Inserts the holder (unless its id exists), the event, the certificate and its payloads.
    static func insertRows(
        of issuance: Issuance, connection: PostgresConnection, logger: Logger
    ) async throws {
        let holder = issuance.holder
        try await connection.query(
            """
            INSERT INTO holders (id, lookup_hash, sealed_personal_data, created_at)
            VALUES (\(holder.id), \(PostgresCoding.buffer(holder.lookupHash)),
                    \(PostgresCoding.buffer(holder.sealedPersonalData)), \(PostgresCoding.milliseconds(holder.createdAt)))
            ON CONFLICT DO NOTHING
            """, logger: logger)
        // A holder with the same id, or the same lookup hash (the same person recorded concurrently), is kept: the
        // event belongs to it. (A concurrent insert of the same lookup hash waits for the other transaction.)
        let found = try await connection.query(
            """
            SELECT id FROM holders
            WHERE id = \(holder.id) OR (\(PostgresCoding.buffer(holder.lookupHash))::bytea IS NOT NULL
                                       AND lookup_hash = \(PostgresCoding.buffer(holder.lookupHash)))
            ORDER BY id = \(holder.id) DESC LIMIT 1
            """, logger: logger
        ).collect()
        let holderID = try found.first?.decode(UUID.self) ?? holder.id
        let event = issuance.event
        try await connection.query(
            """
            INSERT INTO vaccination_events (id, holder_id, issuer_id, site_id, recorded_by, date, dose, total_doses,
                                            vaccine_system, vaccine_code, lot, sealed_record, created_at)
            VALUES (\(event.id), \(holderID), \(event.issuerID), \(event.siteID), \(event.recordedBy),
                    \(event.date), \(event.dose), \(event.totalDoses), \(event.vaccineSystem), \(event.vaccineCode),
                    \(event.lot), \(PostgresCoding.buffer(event.sealedRecord)),
                    \(PostgresCoding.milliseconds(event.createdAt)))
            """, logger: logger)
        let certificate = issuance.certificate
        let logEntries = try LogEntry.issuances(of: certificate, time: PostgresCoding.milliseconds(certificate.issuedAt))
        try await connection.query(
            """
            INSERT INTO certificates (id, event_id, issuer_id, issued_by, issued_at, expires_at)
            VALUES (\(certificate.id), \(certificate.eventID), \(certificate.issuerID), \(certificate.issuedBy),
                    \(PostgresCoding.milliseconds(certificate.issuedAt)),
                    \(PostgresCoding.milliseconds(certificate.expiresAt)))
            """, logger: logger)
        for payload in certificate.payloads {
            try await connection.query(
                """
                INSERT INTO certificate_payloads (certificate_id, format, identifier, signing_key_id, sealed_payload,
                                                  payload_hash)
                VALUES (\(certificate.id), \(payload.format.rawValue), \(payload.identifier), \(payload.signingKeyID),
                        \(PostgresCoding.buffer(payload.sealedPayload)), \(PostgresCoding.buffer(payload.payloadHash)))
                """, logger: logger)
        }
        for entry in logEntries { try await enqueueLogEntry(entry, connection: connection, logger: logger) }
    }
}
