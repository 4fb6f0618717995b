import Foundation
import NIOCore
import Storage

/// Conversions between entity fields and the column types of the schema: times as Unix milliseconds (`BIGINT`),
/// bytes as `bytea` (bound as `ByteBuffer`: postgres-nio would encode `[UInt8]` as a `"char"` array).
enum PostgresCoding {
    /// A time as Unix milliseconds, rounded down.
    static func milliseconds(_ date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded(.down)
        // Dates beyond ±292 million years do not fit; clamp rather than trap (as SQLiteValues does).
        guard let milliseconds = Int64(exactly: value) else {
            return value < 0 ? Int64.min : Int64.max
        }
        return milliseconds
    }

    /// An optional time as Unix milliseconds.
    static func milliseconds(_ date: Date?) -> Int64? {
        date.map { milliseconds($0) }
    }

    /// The time of a Unix-milliseconds column.
    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
    }

    /// The time of a nullable Unix-milliseconds column.
    static func date(_ milliseconds: Int64?) -> Date? {
        milliseconds.map { date($0) }
    }

    /// Bytes to bind to a `bytea` parameter.
    static func buffer(_ bytes: [UInt8]) -> ByteBuffer {
        ByteBuffer(bytes: bytes)
    }

    /// Optional bytes to bind to a nullable `bytea` parameter.
    static func buffer(_ bytes: [UInt8]?) -> ByteBuffer? {
        bytes.map { buffer($0) }
    }

    /// The bytes of a `bytea` column.
    static func bytes(_ buffer: ByteBuffer) -> [UInt8] {
        Array(buffer.readableBytesView)
    }

    /// The bytes of a nullable `bytea` column.
    static func bytes(_ buffer: ByteBuffer?) -> [UInt8]? {
        buffer.map { bytes($0) }
    }

    /// An enum stored as text, or `STORAGE_CORRUPT` naming the column (never the value).
    static func value<T: RawRepresentable>(_ raw: String, of type: T.Type, column: String) throws -> T
    where T.RawValue == String {
        guard let value = T(rawValue: raw) else {
            throw StorageError(.corrupt, "\(column) holds a value that is not a known \(T.self)")
        }
        return value
    }
}
