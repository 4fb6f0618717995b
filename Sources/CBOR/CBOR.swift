/// Namespace of the CBOR codec (RFC 8949).
///
/// Decoding is lenient, like BER in swift-asn1: it accepts non-shortest heads, indefinite lengths and any float
/// width, and every ``CBORNode`` keeps the exact bytes it was decoded from. Encoding is deterministic, like DER:
/// RFC 8949 section 4.2.1 "core deterministic encoding". Signed structures must be verified over the bytes that
/// were received (``CBORNode/encodedBytes``), never over a re-encoding.
///
/// ```swift
/// let node = try CBOR.decode(bytes)
/// let issuer = node.value(forKey: 1)?.textValue
/// let encoded = try CBOR.encode([1: "issuer", 4: .integer(1_700_000_000)])
/// ```
public enum CBOR {
    /// The deepest nesting of arrays, maps and tags this implementation handles, whatever the options say.
    ///
    /// Decoding itself is iterative and uses constant stack space, but decoded trees are processed recursively
    /// (``CBORNode/value``, encoding, comparison, release), so their depth is capped to keep stack use small on
    /// threads with small stacks: at this depth, converting and re-encoding take under 100 KiB of stack in
    /// release builds. The encoder throws `CBOR_TOO_DEEP` above this depth.
    public static let maximumSupportedDepth = 128

    /// Decodes exactly one data item.
    ///
    /// Lenient: accepts non-shortest heads, indefinite lengths (string chunks are concatenated) and half, single
    /// or double floats. Enforces the limits in `options`; by default bytes after the data item are an error.
    /// - Returns: the root node; its ``CBORNode/encodedBytes`` and those of all descendants are slices of `bytes`.
    /// - Throws: ``CBORError``.
    public static func decode(_ bytes: ArraySlice<UInt8>, options: DecodingOptions = .default) throws -> CBORNode {
        guard bytes.count <= options.maxInputSize else {
            throw CBORError.inputTooLarge(size: bytes.count, limit: options.maxInputSize)
        }
        return try bytes.withUnsafeBufferPointer { buffer in
            // The decoder's node stack starts on the native stack; deeper or wider input moves it to the heap.
            try withUnsafeTemporaryAllocation(of: CBORNode.self, capacity: 32) { scratch in
                var decoder = CBORDecoder(input: bytes, buffer: buffer, scratch: scratch, options: options)
                let node = try decoder.decodeItem()
                if !options.allowTrailingBytes, decoder.position != buffer.count {
                    throw CBORError.trailingBytes(at: decoder.position, count: buffer.count - decoder.position)
                }
                return node
            }
        }
    }

    /// Decodes exactly one data item from an array; see the `ArraySlice` overload.
    public static func decode(_ bytes: [UInt8], options: DecodingOptions = .default) throws -> CBORNode {
        try decode(bytes[...], options: options)
    }

    /// Encodes `value` deterministically (RFC 8949 section 4.2.1).
    ///
    /// Shortest heads, definite lengths, map keys sorted bytewise by their encoding, the shortest float width
    /// that keeps the value (NaN as `f97e00`, infinities as half floats).
    /// - Throws: ``CBORError`` with `CBOR_DUPLICATE_KEY` when a map has two equal keys, `CBOR_TOO_DEEP` above
    ///   ``maximumSupportedDepth``, `CBOR_INVALID_SIMPLE`/`CBOR_UNSUPPORTED` for simple values 20...31.
    public static func encode(_ value: CBORValue) throws -> [UInt8] {
        var serializer = CBORSerializer()
        try serializer.appendValue(value)
        return serializer.bytes
    }

    /// Appends the deterministic encoding of `value` to `bytes`; on error `bytes` is left unchanged.
    public static func encode(_ value: CBORValue, into bytes: inout [UInt8]) throws {
        var serializer = CBORSerializer()
        swap(&serializer.bytes, &bytes)
        defer { swap(&serializer.bytes, &bytes) }
        try serializer.appendValue(value)
    }
}

@available(*, unavailable)
extension CBOR: Sendable {}
