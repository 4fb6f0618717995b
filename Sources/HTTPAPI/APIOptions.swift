import Registry

/// Limits and settings of the HTTP API.
public struct APIOptions: Sendable {
    /// Largest accepted request body, in bytes (413 above).
    public var maxBodyBytes: Int
    /// Largest accepted bulk file, in bytes.
    public var maxBulkBytes: Int
    /// The transparency log the `/api/v1/log/...` routes serve (503 `LOG_NOT_ENABLED` without one).
    public var transparencyLog: TransparencyLogService?

    /// Creates options.
    public init(maxBodyBytes: Int = 1 << 20, maxBulkBytes: Int = 32 << 20, transparencyLog: TransparencyLogService? = nil) {
        self.maxBodyBytes = maxBodyBytes
        self.maxBulkBytes = maxBulkBytes
        self.transparencyLog = transparencyLog
    }
}
