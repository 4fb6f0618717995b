import GRDB
import Storage

extension SQLiteRowReader {
    /// A `REAL` column (an `INTEGER` is read as its value).
    func double(_ column: String) throws -> Double {
        let value: DatabaseValue
        do {
            value = try row.decode(DatabaseValue.self, forColumn: column)
        } catch {
            throw StorageError(.corrupt, "expected a column in \(table).\(column); found none")
        }
        switch value.storage {
        case .double(let number): return number
        case .int64(let number): return Double(number)
        default: throw StorageError(.corrupt, "expected a REAL in \(table).\(column); found another type")
        }
    }

    /// An `INTEGER` column holding 0 or 1.
    func bool(_ column: String) throws -> Bool {
        switch try int64(column) {
        case 0: return false
        case 1: return true
        default: throw StorageError(.corrupt, "expected 0 or 1 in \(table).\(column); found another INTEGER")
        }
    }

    /// An `INTEGER` column holding a non-negative number (a `UInt64` stored up to `Int64.max`).
    func uint64(_ column: String) throws -> UInt64 {
        guard let number = UInt64(exactly: try int64(column)) else {
            throw StorageError(.corrupt, "expected a non-negative INTEGER in \(table).\(column); found a negative one")
        }
        return number
    }
}
