extension CBOR {
    /// Decoding limits and strictness.
    ///
    /// The defaults suit a health-certificate payload of a few hundred bytes; callers decoding larger documents
    /// raise the limits explicitly.
    public struct DecodingOptions: Sendable {
        /// Deepest nesting of arrays, maps and tags (default 32). A scalar at the top level has depth 0, the
        /// items of a top-level array depth 1. Values above ``CBOR/maximumSupportedDepth`` act as that maximum.
        public var maxDepth: Int
        /// Most data items in one decode (default 100 000). Every head counts once: tags, map keys and values,
        /// and the chunks of indefinite-length strings included.
        public var maxItems: Int
        /// Largest accepted input in bytes (default 1 MiB).
        public var maxInputSize: Int
        /// Whether bytes may follow the data item (default false). When true, the root node's
        /// ``CBORNode/encodedBytes`` tells where the data item ends.
        public var allowTrailingBytes: Bool
        /// Whether a map with two keys of equal value is an error (default true). Keys are compared by value:
        /// by their deterministic encoding, so `1` written in one or two bytes is the same key, `1` and `1.0` are not.
        public var rejectDuplicateKeys: Bool

        /// Creates options; every parameter has the documented default.
        public init(
            maxDepth: Int = 32,
            maxItems: Int = 100_000,
            maxInputSize: Int = 1 << 20,
            allowTrailingBytes: Bool = false,
            rejectDuplicateKeys: Bool = true
        ) {
            self.maxDepth = maxDepth
            self.maxItems = maxItems
            self.maxInputSize = maxInputSize
            self.allowTrailingBytes = allowTrailingBytes
            self.rejectDuplicateKeys = rejectDuplicateKeys
        }

        /// The defaults: depth 32, 100 000 items, 1 MiB, no trailing bytes, duplicate keys rejected.
        public static let `default` = DecodingOptions()
    }
}
