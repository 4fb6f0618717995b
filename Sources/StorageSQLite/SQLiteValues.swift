import Foundation
import GRDB

/// The schema's encodings of Swift values: UUIDs as lowercase text, times as Unix milliseconds (rounded down),
/// bytes as BLOBs.
enum SQLiteValues {
    /// A UUID as the schema stores it: lowercase text.
    static func text(_ id: UUID) -> String {
        id.uuidString.lowercased()
    }

    /// A nullable UUID as lowercase text.
    static func optionalText(_ id: UUID?) -> String? {
        id.map(text)
    }

    /// A time as Unix milliseconds, rounded down.
    static func milliseconds(_ date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded(.down)
        // Dates beyond ±292 million years do not fit; clamp rather than trap.
        guard let milliseconds = Int64(exactly: value) else {
            return value < 0 ? Int64.min : Int64.max
        }
        return milliseconds
    }

    /// A nullable time as Unix milliseconds.
    static func optionalMilliseconds(_ date: Date?) -> Int64? {
        date.map(milliseconds)
    }

    /// Unix milliseconds back to a time.
    static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// Bytes as a BLOB.
    static func blob(_ bytes: [UInt8]) -> Data {
        Data(bytes)
    }

    /// Nullable bytes as a BLOB.
    static func optionalBlob(_ bytes: [UInt8]?) -> Data? {
        bytes.map(blob)
    }
}
