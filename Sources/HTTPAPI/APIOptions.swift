/// Limits and settings of the HTTP API.
public struct APIOptions: Sendable {
    /// Largest accepted request body, in bytes (413 above).
    public var maxBodyBytes: Int

    /// Creates options.
    public init(maxBodyBytes: Int = 1 << 20) {
        self.maxBodyBytes = maxBodyBytes
    }
}
