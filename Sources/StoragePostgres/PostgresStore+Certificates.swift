import Foundation
import PostgresNIO
import Storage

extension PostgresStore {
    /// A holder by pseudonymous id.
    public func holder(id: UUID) async throws -> Holder? {
        try await holder(
            where: "SELECT id, lookup_hash, sealed_personal_data, created_at FROM holders WHERE id = \(id)")
    }

    /// A holder by lookup hash.
    public func holder(lookupHash: [UInt8]) async throws -> Holder? {
        try await holder(
            where: """
                SELECT id, lookup_hash, sealed_personal_data, created_at FROM holders
                WHERE lookup_hash = \(PostgresCoding.buffer(lookupHash))
                """)
    }

    private func holder(where query: PostgresQuery) async throws -> Holder? {
        guard let row = try await rows(query).first else { return nil }
        return try decoding {
            let (id, lookupHash, sealed, createdAt) = try row.decode((UUID, ByteBuffer?, ByteBuffer, Int64).self)
            return Holder(
                id: id, lookupHash: PostgresCoding.bytes(lookupHash), sealedPersonalData: PostgresCoding.bytes(sealed),
                createdAt: PostgresCoding.date(createdAt))
        }
    }

    /// A vaccination event.
    public func event(id: UUID) async throws -> VaccinationEvent? {
        let rows = try await rows(
            """
            SELECT id, holder_id, issuer_id, site_id, recorded_by, date, dose, total_doses, vaccine_system,
                   vaccine_code, lot, sealed_record, created_at
            FROM vaccination_events WHERE id = \(id)
            """)
        guard let row = rows.first else { return nil }
        return try decoding {
            let (
                id, holderID, issuerID, siteID, recordedBy, date, dose, totalDoses, vaccineSystem, vaccineCode, lot,
                sealedRecord, createdAt
            ) = try row.decode(
                (UUID, UUID, UUID, UUID?, UUID, String, Int, Int?, String, String, String?, ByteBuffer, Int64).self)
            return VaccinationEvent(
                id: id, holderID: holderID, issuerID: issuerID, siteID: siteID, recordedBy: recordedBy, date: date,
                dose: dose, totalDoses: totalDoses, vaccineSystem: vaccineSystem, vaccineCode: vaccineCode, lot: lot,
                sealedRecord: PostgresCoding.bytes(sealedRecord), createdAt: PostgresCoding.date(createdAt))
        }
    }

    /// A certificate with its payloads (ordered hc1, shc, vds, vc) and its revocation.
    public func certificate(id: UUID) async throws -> StoredCertificate? {
        let logger = self.logger
        return try await transaction { connection in
            try await Self.certificate(id: id, connection: connection, logger: logger)
        }
    }

    /// The certificate holding `identifier` in `format`, if any.
    public func certificate(format: CertificatePayload.Format, identifier: String) async throws -> StoredCertificate? {
        let logger = self.logger
        return try await transaction { connection in
            let rows = try await connection.query(
                """
                SELECT certificate_id FROM certificate_payloads
                WHERE format = \(format.rawValue) AND identifier = \(identifier)
                """, logger: logger
            ).collect()
            guard let row = rows.first else { return nil }
            return try await Self.certificate(id: try row.decode(UUID.self), connection: connection, logger: logger)
        }
    }

    /// How many certificates exist.
    public func certificateCount() async throws -> Int {
        try await count("SELECT count(*) FROM certificates")
    }

    private static func certificate(
        id: UUID, connection: PostgresConnection, logger: Logger
    ) async throws -> StoredCertificate? {
        let rows = try await connection.query(
            """
            SELECT c.id, c.event_id, c.issuer_id, c.issued_by, c.issued_at, c.expires_at,
                   r.reason, r.revoked_by, r.revoked_at
            FROM certificates c LEFT JOIN revocations r ON r.certificate_id = c.id
            WHERE c.id = \(id)
            """, logger: logger
        ).collect()
        guard let row = rows.first else { return nil }
        let (id, eventID, issuerID, issuedBy, issuedAt, expiresAt, reason, revokedBy, revokedAt) = try row.decode(
            (UUID, UUID, UUID, UUID, Int64, Int64?, String?, UUID?, Int64?).self)
        var revocation: Revocation?
        if let reason, let revokedBy, let revokedAt {
            revocation = Revocation(
                certificateID: id, reason: reason, revokedBy: revokedBy, revokedAt: PostgresCoding.date(revokedAt))
        }
        var payloads: [CertificatePayload] = []
        for try await (format, identifier, signingKeyID, sealed, payloadHash) in try await connection.query(
            """
            SELECT format, identifier, signing_key_id, sealed_payload, payload_hash FROM certificate_payloads
            WHERE certificate_id = \(id)
            """, logger: logger
        ).decode((String, String, UUID, ByteBuffer, ByteBuffer?).self) {
            payloads.append(
                CertificatePayload(
                    format: try PostgresCoding.value(
                        format, of: CertificatePayload.Format.self, column: "certificate_payloads.format"),
                    identifier: identifier, signingKeyID: signingKeyID, sealedPayload: PostgresCoding.bytes(sealed),
                    payloadHash: PostgresCoding.bytes(payloadHash) ?? []))
        }
        let order = CertificatePayload.Format.allCases
        payloads.sort { (order.firstIndex(of: $0.format) ?? 0) < (order.firstIndex(of: $1.format) ?? 0) }
        return StoredCertificate(
            id: id, eventID: eventID, issuerID: issuerID, issuedBy: issuedBy, issuedAt: PostgresCoding.date(issuedAt),
            expiresAt: PostgresCoding.date(expiresAt), payloads: payloads, revocation: revocation)
    }
}
