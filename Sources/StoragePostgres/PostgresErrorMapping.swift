import PostgresNIO
import Storage

/// Maps what postgres-nio throws to ``StorageError``. Messages name tables, columns and constraints; they never
/// contain SQL text or bound values (which may be personal data).
enum PostgresErrorMapping {
    /// What a unique constraint or index protects, for `STORAGE_DUPLICATE` messages.
    private static let uniqueDescriptions: [String: String] = [
        "issuers_pkey": "an issuer with this id exists",
        "signing_keys_pkey": "a signing key with this id exists",
        "signing_keys_key_id_key": "a signing key with this key_id exists",
        "signing_keys_one_active_dsc": "the issuer already has an active DSC",
        "sites_pkey": "a site with this id exists",
        "sites_issuer_id_code_key": "the issuer already has a site with this code",
        "principals_pkey": "a principal with this id exists",
        "principals_token_id_key": "a principal with this token_id exists",
        "holders_pkey": "a holder with this id exists",
        "holders_lookup_hash_key": "a holder with this lookup_hash exists",
        "vaccination_events_pkey": "a vaccination event with this id exists",
        "certificates_pkey": "a certificate with this id exists",
        "certificates_event_id_key": "the vaccination event already has a certificate",
        "certificate_payloads_pkey": "the certificate already has a payload in this format",
        "certificate_payloads_format_identifier_key": "a payload with this identifier exists in this format",
        "revocations_pkey": "the certificate is already revoked",
        "idempotency_keys_pkey": "the principal already used this idempotency key",
        "devices_pkey": "a device with this id exists",
        "device_placements_pkey": "the device already has a placement at this time",
        "telemetry_batches_pkey": "the device already has a batch with this sequence",
        "device_monitors_pkey": "the device already has a monitor state",
        "excursions_pkey": "the device already has an excursion of this kind starting at this time",
        "lots_pkey": "a lot with this GTIN and lot number exists",
        "epcis_events_pkey": "an EPCIS event with this hash exists",
        "lot_custody_pkey": "the lot already has a custody entry for this event",
        "lot_events_pkey": "a lot event with this id exists",
        "key_compromises_pkey": "the signing key is marked compromised already",
        "suspensions_pkey": "the certificate is suspended already",
        "log_leaves_pkey": "the log has a leaf at this index",
        "log_tree_heads_pkey": "a tree head of this size exists",
        "log_signing_keys_pkey": "a log key with this key_id exists",
    ]

    /// The ``StorageError`` for `error`; `migrating` turns data-independent server refusals into
    /// `STORAGE_MIGRATION`.
    static func storageError(_ error: any Error, migrating: Bool = false) -> any Error {
        switch error {
        case let error as StorageError:
            return error
        case is CancellationError:
            return error
        case let error as PostgresTransactionError:
            if let inner = error.closureError ?? error.commitError ?? error.beginError ?? error.rollbackError {
                return storageError(inner, migrating: migrating)
            }
            return StorageError(.unavailable, "a PostgreSQL transaction failed")
        case let error as PSQLError:
            return storageError(psql: error, migrating: migrating)
        case let error as PostgresDecodingError:
            return StorageError(
                .corrupt, "column \(error.columnName) could not be read as \(error.targetType) (\(error.code))")
        default:
            return StorageError(.unavailable, "the PostgreSQL client failed: \(type(of: error))")
        }
    }

    private static func storageError(psql error: PSQLError, migrating: Bool) -> StorageError {
        guard error.code == .server, let serverInfo = error.serverInfo, let sqlState = serverInfo[.sqlState] else {
            return StorageError(.unavailable, "PostgreSQL cannot be reached or closed the connection (\(error.code))")
        }
        let constraint = serverInfo[.constraintName] ?? "unknown"
        let table = serverInfo[.tableName].map { " on table \($0)" } ?? ""
        switch sqlState {
        case "23505":
            let what = uniqueDescriptions[constraint] ?? "a unique value is taken"
            return StorageError(.duplicate, "\(what) (constraint \(constraint)\(table))")
        case "23503":
            return StorageError(
                .notFound, "a row that constraint \(constraint)\(table) refers to does not exist")
        case "23514":
            return StorageError(.invalidValue, "a value breaks check constraint \(constraint)\(table)")
        case "23502":
            let column = serverInfo[.columnName] ?? "unknown"
            return StorageError(.invalidValue, "column \(column)\(table) must not be null")
        default:
            break
        }
        let sqlClass = sqlState.prefix(2)
        // 08 connection, 28 authorisation, 3D unknown database, 53 resources, 57 operator intervention,
        // 40 serialisation failure or deadlock: not about the data.
        if ["08", "28", "3D", "53", "57", "40"].contains(sqlClass) || !migrating {
            return StorageError(.unavailable, "PostgreSQL refused the operation (SQLSTATE \(sqlState))")
        }
        return StorageError(.migration, "PostgreSQL refused a schema change (SQLSTATE \(sqlState))")
    }
}
