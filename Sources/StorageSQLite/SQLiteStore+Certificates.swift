import Foundation
import GRDB
import Storage
import TransparencyLog

extension SQLiteStore {
    /// Stores a recorded dose (holder when new, event, certificate, payloads, idempotency key) in one write
    /// transaction. A known idempotency key with the same request hash stores nothing and returns
    /// ``IssuanceOutcome/replayed(_:)``; with another hash it is `STORAGE_CONFLICT`. A taken payload identifier
    /// or an event that has a certificate is `STORAGE_DUPLICATE`, and nothing is stored.
    public func record(_ issuance: Issuance) async throws -> IssuanceOutcome {
        try await write("recording an issuance") { db in
            if let idempotency = issuance.idempotency {
                let stored = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT \(SQLiteEntityRows.idempotencyColumns) FROM idempotency_keys
                        WHERE principal_id = ? AND key = ?
                        """,
                    arguments: [SQLiteValues.text(idempotency.principalID), idempotency.key]
                ).map(SQLiteEntityRows.idempotentResponse)
                if let stored {
                    guard stored.requestHash == idempotency.requestHash else {
                        throw StorageError(
                            .conflict,
                            "expected idempotency_keys(principal_id, key) to be new or used for the same request_hash; "
                                + "found it used for another request")
                    }
                    return .replayed(stored)
                }
            }
            try Self.insertRows(of: issuance, db)
            return .recorded
        }
    }

    static func insertRows(of issuance: Issuance, _ db: Database) throws {
        let holder = issuance.holder
        try db.execute(
            sql: """
                INSERT INTO holders (\(SQLiteEntityRows.holderColumns)) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """,
            arguments: [
                SQLiteValues.text(holder.id), SQLiteValues.optionalBlob(holder.lookupHash),
                SQLiteValues.blob(holder.sealedPersonalData), SQLiteValues.milliseconds(holder.createdAt),
            ])
        // A holder with the same id, or the same lookup hash (the same person recorded concurrently), is kept: the
        // event belongs to it.
        let holderID =
            try String.fetchOne(
                db, sql: "SELECT id FROM holders WHERE id = ? OR (? IS NOT NULL AND lookup_hash = ?) ORDER BY id = ? DESC LIMIT 1",
                arguments: [
                    SQLiteValues.text(holder.id), SQLiteValues.optionalBlob(holder.lookupHash),
                    SQLiteValues.optionalBlob(holder.lookupHash), SQLiteValues.text(holder.id),
                ]) ?? SQLiteValues.text(holder.id)
        let event = issuance.event
        try db.execute(
            sql: """
                INSERT INTO vaccination_events (\(SQLiteEntityRows.eventColumns))
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                SQLiteValues.text(event.id), holderID, SQLiteValues.text(event.issuerID),
                SQLiteValues.optionalText(event.siteID), SQLiteValues.text(event.recordedBy), event.date, event.dose,
                event.totalDoses, event.vaccineSystem, event.vaccineCode, event.lot, SQLiteValues.blob(event.sealedRecord),
                SQLiteValues.milliseconds(event.createdAt),
            ])
        let certificate = issuance.certificate
        let logEntries = try LogEntry.issuances(of: certificate, time: SQLiteValues.milliseconds(certificate.issuedAt))
        try db.execute(
            sql: "INSERT INTO certificates (\(SQLiteEntityRows.certificateColumns)) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [
                SQLiteValues.text(certificate.id), SQLiteValues.text(certificate.eventID),
                SQLiteValues.text(certificate.issuerID), SQLiteValues.text(certificate.issuedBy),
                SQLiteValues.milliseconds(certificate.issuedAt), SQLiteValues.optionalMilliseconds(certificate.expiresAt),
            ])
        for payload in certificate.payloads {
            try db.execute(
                sql: "INSERT INTO certificate_payloads (\(SQLiteEntityRows.payloadColumns)) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    SQLiteValues.text(certificate.id), payload.format.rawValue, payload.identifier,
                    SQLiteValues.text(payload.signingKeyID), SQLiteValues.blob(payload.sealedPayload),
                    SQLiteValues.blob(payload.payloadHash),
                ])
        }
        for entry in logEntries { try enqueueLogEntry(entry, db) }
        if let idempotency = issuance.idempotency {
            try db.execute(
                sql: "INSERT INTO idempotency_keys (\(SQLiteEntityRows.idempotencyColumns)) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    SQLiteValues.text(idempotency.principalID), idempotency.key,
                    SQLiteValues.blob(idempotency.requestHash), SQLiteValues.text(idempotency.certificateID),
                    SQLiteValues.milliseconds(idempotency.createdAt),
                ])
        }
    }

    /// A holder by pseudonymous id.
    public func holder(id: UUID) async throws -> Holder? {
        try await read("reading holders") { db in
            try Row.fetchOne(
                db, sql: "SELECT \(SQLiteEntityRows.holderColumns) FROM holders WHERE id = ?",
                arguments: [SQLiteValues.text(id)]
            ).map(SQLiteEntityRows.holder)
        }
    }

    /// A holder by lookup hash.
    public func holder(lookupHash: [UInt8]) async throws -> Holder? {
        try await read("reading holders") { db in
            try Row.fetchOne(
                db, sql: "SELECT \(SQLiteEntityRows.holderColumns) FROM holders WHERE lookup_hash = ?",
                arguments: [SQLiteValues.blob(lookupHash)]
            ).map(SQLiteEntityRows.holder)
        }
    }

    /// A vaccination event.
    public func event(id: UUID) async throws -> VaccinationEvent? {
        try await read("reading vaccination_events") { db in
            try Row.fetchOne(
                db, sql: "SELECT \(SQLiteEntityRows.eventColumns) FROM vaccination_events WHERE id = ?",
                arguments: [SQLiteValues.text(id)]
            ).map(SQLiteEntityRows.event)
        }
    }

    /// A certificate with its payloads (in the order hc1, shc, vds, vc) and its revocation.
    public func certificate(id: UUID) async throws -> StoredCertificate? {
        try await read("reading certificates") { db in try Self.loadCertificate(id: SQLiteValues.text(id), db) }
    }

    /// The certificate holding `identifier` in `format`, if any.
    public func certificate(format: CertificatePayload.Format, identifier: String) async throws -> StoredCertificate? {
        try await read("reading certificate_payloads") { db in
            guard
                let id = try String.fetchOne(
                    db, sql: "SELECT certificate_id FROM certificate_payloads WHERE format = ? AND identifier = ?",
                    arguments: [format.rawValue, identifier])
            else { return nil }
            return try Self.loadCertificate(id: id, db)
        }
    }

    /// How many certificates exist.
    public func certificateCount() async throws -> Int {
        try await read("counting certificates") { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM certificates") ?? 0
        }
    }

    /// The certificate with id text `id`, its payloads and its revocation, read in the caller's transaction.
    static func loadCertificate(id: String, _ db: Database) throws -> StoredCertificate? {
        guard
            var certificate = try Row.fetchOne(
                db, sql: "SELECT \(SQLiteEntityRows.certificateColumns) FROM certificates WHERE id = ?",
                arguments: [id]
            ).map(SQLiteEntityRows.certificate)
        else { return nil }
        certificate.payloads = try Row.fetchAll(
            db,
            sql: """
                SELECT \(SQLiteEntityRows.payloadColumns) FROM certificate_payloads WHERE certificate_id = ?
                ORDER BY CASE format WHEN 'hc1' THEN 0 WHEN 'shc' THEN 1 WHEN 'vds' THEN 2 WHEN 'vc' THEN 3 ELSE 4 END
                """,
            arguments: [id]
        ).map(SQLiteEntityRows.payload)
        certificate.revocation = try Row.fetchOne(
            db, sql: "SELECT \(SQLiteEntityRows.revocationColumns) FROM revocations WHERE certificate_id = ?",
            arguments: [id]
        ).map(SQLiteEntityRows.revocation)
        return certificate
    }
}
