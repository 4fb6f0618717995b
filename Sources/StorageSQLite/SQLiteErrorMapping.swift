import GRDB
import Storage

/// Turns SQLite and GRDB errors into ``StorageError``s whose messages name tables, columns and constraints, never
/// bound values (which may be personal data or tokens).
enum SQLiteErrorMapping {
    /// The storage error for `error`, thrown while `operation` (a short description, for example
    /// "inserting a site") ran.
    static func storageError(from error: any Error, during operation: String) -> StorageError {
        if let storageError = error as? StorageError {
            return storageError
        }
        guard let databaseError = error as? DatabaseError else {
            // GRDB's other errors (row decoding) describe rows, so only the type name goes into the message.
            return StorageError(.corrupt, "expected a readable row while \(operation); found \(type(of: error))")
        }
        switch databaseError.extendedResultCode {
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY:
            return StorageError(
                .duplicate,
                "expected an unused value while \(operation); found \(uniqueConstraintDescription(databaseError)) taken")
        case .SQLITE_CONSTRAINT_FOREIGNKEY:
            return StorageError(
                .notFound,
                "expected the referenced row to exist while \(operation); found a FOREIGN KEY constraint failing")
        case .SQLITE_CONSTRAINT_CHECK, .SQLITE_CONSTRAINT_NOTNULL:
            return StorageError(
                .invalidValue,
                "expected values within the schema's rules while \(operation); found a \(databaseError.extendedResultCode == .SQLITE_CONSTRAINT_CHECK ? "CHECK" : "NOT NULL") constraint failing")
        default:
            return StorageError(
                .unavailable,
                "expected SQLite to complete \(operation); found result code \(databaseError.extendedResultCode.rawValue): "
                    + safeMessage(databaseError))
        }
    }

    /// Names what a UNIQUE or PRIMARY KEY failure is about from SQLite's message, which lists `table.column`
    /// names (for example `UNIQUE constraint failed: sites.issuer_id, sites.code`) and no values.
    static func uniqueConstraintDescription(_ error: DatabaseError) -> String {
        let prefix = "constraint failed: "
        guard let message = error.message, let range = message.range(of: prefix) else {
            return "a UNIQUE constraint's value"
        }
        let qualifiedColumns = message[range.upperBound...]
            .split(separator: ",")
            .map { $0.drop { $0 == " " } }
        var table: Substring?
        var columns: [Substring] = []
        for qualified in qualifiedColumns {
            let parts = qualified.split(separator: ".")
            guard parts.count == 2, parts.allSatisfy(isIdentifier) else {
                return "a UNIQUE constraint's value"
            }
            table = parts[0]
            columns.append(parts[1])
        }
        guard let table, !columns.isEmpty else { return "a UNIQUE constraint's value" }
        if table == "signing_keys" && columns == ["issuer_id"] {
            return "the issuer's one active DSC (unique index signing_keys_one_active_dsc on signing_keys(issuer_id))"
        }
        return "the value of \(table)(\(columns.joined(separator: ", ")))"
    }

    /// SQLite's message when it reads as plain text without quoted literals; otherwise the result code's name.
    static func safeMessage(_ error: DatabaseError) -> String {
        let generic = "\(error.resultCode)"
        guard let message = error.message, message.count <= 200,
            !message.contains("'"), !message.contains("\"")
        else {
            return generic
        }
        return message
    }

    private static func isIdentifier(_ text: Substring) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || scalar == "_"
        }
    }
}
