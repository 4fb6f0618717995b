import Synchronization

/// Inflaters of one format shared by concurrent callers: a call borrows an idle one (or makes one when all are
/// busy) and gives it back, so that verifying many payloads reuses zlib state and buffers instead of setting
/// them up per payload.
///
/// An ``Inflater`` is not thread-safe; the pool hands each to one caller at a time.
public final class InflaterPool: Sendable {
    /// An inflater while it sits in the pool: only the pool holds it then, and it leaves the pool before use.
    private struct Idle: @unchecked Sendable {
        let inflater: Inflater
    }

    /// The most idle inflaters kept (one per core is plenty).
    public static let maximumIdle = 16

    private let format: Inflater.Format
    private let idle = Mutex<[Idle]>([])

    /// Creates an empty pool for `format`.
    public init(format: Inflater.Format) {
        self.format = format
    }

    /// Runs `body` with an inflater that no other caller uses meanwhile.
    /// - Throws: what `body` throws, or ``DeflateError`` when zlib cannot be initialised.
    public func withInflater<Result>(_ body: (Inflater) throws -> Result) throws -> Result {
        let borrowed = try idle.withLock { $0.popLast() } ?? Idle(inflater: Inflater(format: format))
        defer {
            idle.withLock { pool in
                if pool.count < Self.maximumIdle { pool.append(borrowed) }
            }
        }
        return try body(borrowed.inflater)
    }
}
