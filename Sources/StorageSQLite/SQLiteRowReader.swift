import Foundation
import GRDB
import Storage

/// Reads one row's columns as the types of the schema (lowercase UUID text, Unix-millisecond integers, BLOBs),
/// throwing `STORAGE_CORRUPT` naming the table and column, never the value, when a value has another shape.
struct SQLiteRowReader {
    let row: Row
    /// The table the row comes from, for error messages.
    let table: String

    private func value(_ column: String) throws -> DatabaseValue {
        do {
            return try row.decode(DatabaseValue.self, forColumn: column)
        } catch {
            throw corrupt(column, "a column", found: "none")
        }
    }

    private func corrupt(_ column: String, _ expected: String, found: String) -> StorageError {
        StorageError(.corrupt, "expected \(expected) in \(table).\(column); found \(found)")
    }

    private func kind(_ storage: DatabaseValue.Storage) -> String {
        switch storage {
        case .null: "NULL"
        case .int64: "an INTEGER"
        case .double: "a REAL"
        case .string: "TEXT"
        case .blob: "a BLOB"
        }
    }

    /// A `TEXT` column.
    func string(_ column: String) throws -> String {
        guard let text = try optionalString(column) else { throw corrupt(column, "TEXT", found: "NULL") }
        return text
    }

    /// A nullable `TEXT` column.
    func optionalString(_ column: String) throws -> String? {
        switch try value(column).storage {
        case .null: return nil
        case .string(let text): return text
        case let other: throw corrupt(column, "TEXT", found: kind(other))
        }
    }

    /// An `INTEGER` column.
    func int64(_ column: String) throws -> Int64 {
        guard let number = try optionalInt64(column) else { throw corrupt(column, "an INTEGER", found: "NULL") }
        return number
    }

    /// A nullable `INTEGER` column.
    func optionalInt64(_ column: String) throws -> Int64? {
        switch try value(column).storage {
        case .null: return nil
        case .int64(let number): return number
        case let other: throw corrupt(column, "an INTEGER", found: kind(other))
        }
    }

    /// An `INTEGER` column as `Int`.
    func int(_ column: String) throws -> Int {
        guard let number = Int(exactly: try int64(column)) else {
            throw corrupt(column, "an INTEGER in Int's range", found: "a larger one")
        }
        return number
    }

    /// A nullable `INTEGER` column as `Int`.
    func optionalInt(_ column: String) throws -> Int? {
        guard let number = try optionalInt64(column) else { return nil }
        guard let value = Int(exactly: number) else {
            throw corrupt(column, "an INTEGER in Int's range", found: "a larger one")
        }
        return value
    }

    /// A `BLOB` column.
    func bytes(_ column: String) throws -> [UInt8] {
        guard let bytes = try optionalBytes(column) else { throw corrupt(column, "a BLOB", found: "NULL") }
        return bytes
    }

    /// A nullable `BLOB` column.
    func optionalBytes(_ column: String) throws -> [UInt8]? {
        switch try value(column).storage {
        case .null: return nil
        case .blob(let data): return [UInt8](data)
        case let other: throw corrupt(column, "a BLOB", found: kind(other))
        }
    }

    /// A UUID stored as lowercase text.
    func uuid(_ column: String) throws -> UUID {
        guard let id = try optionalUUID(column) else { throw corrupt(column, "a UUID", found: "NULL") }
        return id
    }

    /// A nullable UUID stored as lowercase text.
    func optionalUUID(_ column: String) throws -> UUID? {
        guard let text = try optionalString(column) else { return nil }
        guard let id = UUID(uuidString: text) else { throw corrupt(column, "a UUID", found: "other text") }
        return id
    }

    /// A time stored as Unix milliseconds.
    func date(_ column: String) throws -> Date {
        SQLiteValues.date(milliseconds: try int64(column))
    }

    /// A nullable time stored as Unix milliseconds.
    func optionalDate(_ column: String) throws -> Date? {
        try optionalInt64(column).map(SQLiteValues.date(milliseconds:))
    }

    /// A `TEXT` column holding one of an enumeration's raw values.
    func enumeration<Value: RawRepresentable>(_ column: String, as type: Value.Type) throws -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: try string(column)) else {
            throw corrupt(column, "one of \(Value.self)'s values", found: "another text")
        }
        return value
    }
}
