/// Limits and settings of the HTTP API.
public struct APIOptions: Sendable {
    /// Largest accepted request body, in bytes (413 above).
    public var maxBodyBytes: Int
    /// Largest accepted bulk file, in bytes.
    public var maxBulkBytes: Int

    /// Creates options.
    public init(maxBodyBytes: Int = 1 << 20, maxBulkBytes: Int = 32 << 20) {
        self.maxBodyBytes = maxBodyBytes
        self.maxBulkBytes = maxBulkBytes
    }
}
