/// A strict RFC 8259 JSON parser for untrusted input.
///
/// - Input must be UTF-8 and hold exactly one value, optionally surrounded by whitespace.
/// - No comments, trailing commas, leading zeros, unescaped control characters or lone surrogates.
/// - Numbers without fraction or exponent that fit in `Int64` become ``JSONValue/integer(_:)``,
///   all others ``JSONValue/double(_:)``; a number beyond the range of `Double` is an error.
/// - Size, nesting depth and duplicate keys are checked (see ``Options``); parsing is iterative,
///   so deep input cannot exhaust the stack.
///
/// ```swift
/// let value = try JSONParser.parse(#"{"ver": "1.3.0", "dob": "1964-01-01"}"#)
/// ```
public enum JSONParser {
    /// Limits and policies for parsing.
    public struct Options: Sendable, Hashable {
        /// Largest accepted input, in bytes (default 1 MiB).
        public var maxBytes: Int
        /// Deepest accepted nesting of arrays and objects (default 64); a top-level array has depth 1.
        public var maxDepth: Int
        /// Whether an object with a repeated key is rejected (default `true`). When `false`, the last value wins
        /// and the key keeps its first position.
        public var rejectDuplicateKeys: Bool

        /// Creates options; the defaults suit certificate payloads.
        public init(maxBytes: Int = 1 << 20, maxDepth: Int = 64, rejectDuplicateKeys: Bool = true) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
            self.rejectDuplicateKeys = rejectDuplicateKeys
        }

        /// 1 MiB, depth 64, duplicate keys rejected.
        public static let `default` = Options()
    }

    /// Parses UTF-8 bytes holding one JSON value.
    /// - Throws: ``JSONError`` with the byte offset of the problem.
    public static func parse(_ bytes: some Collection<UInt8>, options: Options = .default) throws -> JSONValue {
        // `count` first, so that an oversized input is refused before it is copied.
        let count = bytes.count
        guard count <= options.maxBytes else {
            throw JSONError(
                .tooLarge, "expected at most \(options.maxBytes) bytes, found \(count)", offset: options.maxBytes)
        }
        if let result = try bytes.withContiguousStorageIfAvailable({ buffer in
            var parser = JSONByteParser(buffer, options: options)
            return try parser.parseDocument()
        }) {
            return result
        }
        return try Array(bytes).withUnsafeBufferPointer { buffer in
            var parser = JSONByteParser(buffer, options: options)
            return try parser.parseDocument()
        }
    }

    /// Parses JSON text.
    /// - Throws: ``JSONError`` with the byte offset (in the text's UTF-8 form) of the problem.
    public static func parse(_ text: String, options: Options = .default) throws -> JSONValue {
        try parse(text.utf8, options: options)
    }
}
