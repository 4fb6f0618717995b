import Foundation
import GRDB
import Storage

/// The column lists and row decoders of each entity, so that every query selects the columns its decoder reads.
enum SQLiteEntityRows {
    static let issuerColumns = "id, name, country, public_url, created_at"

    static func issuer(_ row: Row) throws -> Issuer {
        let reader = SQLiteRowReader(row: row, table: "issuers")
        return Issuer(
            id: try reader.uuid("id"), name: try reader.string("name"), country: try reader.string("country"),
            publicURL: try reader.string("public_url"), createdAt: try reader.date("created_at"))
    }

    static let signingKeyColumns = """
        id, issuer_id, kind, key_id, certificate_der, sealed_private_key, status, not_before, not_after, created_at
        """

    static func signingKey(_ row: Row) throws -> SigningKey {
        let reader = SQLiteRowReader(row: row, table: "signing_keys")
        return SigningKey(
            id: try reader.uuid("id"), issuerID: try reader.uuid("issuer_id"),
            kind: try reader.enumeration("kind", as: SigningKey.Kind.self), keyID: try reader.string("key_id"),
            certificateDER: try reader.bytes("certificate_der"), sealedPrivateKey: try reader.bytes("sealed_private_key"),
            status: try reader.enumeration("status", as: SigningKey.Status.self),
            notBefore: try reader.date("not_before"), notAfter: try reader.date("not_after"),
            createdAt: try reader.date("created_at"))
    }

    static let siteColumns = "id, issuer_id, code, name, created_at"

    static func site(_ row: Row) throws -> Site {
        let reader = SQLiteRowReader(row: row, table: "sites")
        return Site(
            id: try reader.uuid("id"), issuerID: try reader.uuid("issuer_id"), code: try reader.string("code"),
            name: try reader.string("name"), createdAt: try reader.date("created_at"))
    }

    static let principalColumns = "id, name, role, token_id, token_hash, site_id, created_at, disabled_at"

    static func principal(_ row: Row) throws -> Principal {
        let reader = SQLiteRowReader(row: row, table: "principals")
        return Principal(
            id: try reader.uuid("id"), name: try reader.string("name"),
            role: try reader.enumeration("role", as: Principal.Role.self), tokenID: try reader.string("token_id"),
            tokenHash: try reader.bytes("token_hash"), siteID: try reader.optionalUUID("site_id"),
            createdAt: try reader.date("created_at"), disabledAt: try reader.optionalDate("disabled_at"))
    }

    static let holderColumns = "id, lookup_hash, sealed_personal_data, created_at"

    static func holder(_ row: Row) throws -> Holder {
        let reader = SQLiteRowReader(row: row, table: "holders")
        return Holder(
            id: try reader.uuid("id"), lookupHash: try reader.optionalBytes("lookup_hash"),
            sealedPersonalData: try reader.bytes("sealed_personal_data"), createdAt: try reader.date("created_at"))
    }

    static let eventColumns = """
        id, holder_id, issuer_id, site_id, recorded_by, date, dose, total_doses, vaccine_system, vaccine_code, lot,
        sealed_record, created_at
        """

    static func event(_ row: Row) throws -> VaccinationEvent {
        let reader = SQLiteRowReader(row: row, table: "vaccination_events")
        return VaccinationEvent(
            id: try reader.uuid("id"), holderID: try reader.uuid("holder_id"), issuerID: try reader.uuid("issuer_id"),
            siteID: try reader.optionalUUID("site_id"), recordedBy: try reader.uuid("recorded_by"),
            date: try reader.string("date"), dose: try reader.int("dose"), totalDoses: try reader.optionalInt("total_doses"),
            vaccineSystem: try reader.string("vaccine_system"), vaccineCode: try reader.string("vaccine_code"),
            lot: try reader.optionalString("lot"), sealedRecord: try reader.bytes("sealed_record"),
            createdAt: try reader.date("created_at"))
    }

    static let certificateColumns = "id, event_id, issuer_id, issued_by, issued_at, expires_at"

    /// A certificate row, without its payloads and revocation (the caller adds them).
    static func certificate(_ row: Row) throws -> StoredCertificate {
        let reader = SQLiteRowReader(row: row, table: "certificates")
        return StoredCertificate(
            id: try reader.uuid("id"), eventID: try reader.uuid("event_id"), issuerID: try reader.uuid("issuer_id"),
            issuedBy: try reader.uuid("issued_by"), issuedAt: try reader.date("issued_at"),
            expiresAt: try reader.optionalDate("expires_at"), payloads: [])
    }

    static let payloadColumns = "certificate_id, format, identifier, signing_key_id, sealed_payload, payload_hash"

    static func payload(_ row: Row) throws -> CertificatePayload {
        let reader = SQLiteRowReader(row: row, table: "certificate_payloads")
        return CertificatePayload(
            format: try reader.enumeration("format", as: CertificatePayload.Format.self),
            identifier: try reader.string("identifier"), signingKeyID: try reader.uuid("signing_key_id"),
            sealedPayload: try reader.bytes("sealed_payload"), payloadHash: try reader.optionalBytes("payload_hash") ?? [])
    }

    static let revocationColumns = "certificate_id, reason, revoked_by, revoked_at"

    static func revocation(_ row: Row) throws -> Revocation {
        let reader = SQLiteRowReader(row: row, table: "revocations")
        return Revocation(
            certificateID: try reader.uuid("certificate_id"), reason: try reader.string("reason"),
            revokedBy: try reader.uuid("revoked_by"), revokedAt: try reader.date("revoked_at"))
    }

    static let idempotencyColumns = "principal_id, key, request_hash, certificate_id, created_at"

    static func idempotentResponse(_ row: Row) throws -> IdempotentResponse {
        let reader = SQLiteRowReader(row: row, table: "idempotency_keys")
        return IdempotentResponse(
            principalID: try reader.uuid("principal_id"), key: try reader.string("key"),
            requestHash: try reader.bytes("request_hash"), certificateID: try reader.uuid("certificate_id"),
            createdAt: try reader.date("created_at"))
    }
}
