/// An object member name of up to 16 UTF-8 bytes packed into two words, for fast comparison.
///
/// Object validation compares every member name with the schema's property and required names. Comparing
/// packed words avoids String's Unicode-aware equality (a function call per mismatch) and compares names by
/// their UTF-8 bytes, which is what JSON Schema means by equal strings. Longer names are marked ``isLong``;
/// callers compare their text instead.
struct PackedName: Sendable, Equatable {
    private let low: UInt64
    private let high: UInt64
    /// The UTF-8 length, or -1 for a name longer than 16 bytes.
    private let length: Int

    init(_ name: String) {
        let packed = name.utf8.withContiguousStorageIfAvailable { Self.pack($0) } ?? Self.pack(Array(name.utf8))
        (low, high, length) = packed
    }

    private static func pack(_ bytes: some Collection<UInt8>) -> (UInt64, UInt64, Int) {
        guard bytes.count <= 16 else { return (0, 0, -1) }
        var low: UInt64 = 0
        var high: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes {
            if shift < 64 {
                low |= UInt64(byte) << shift
            } else {
                high |= UInt64(byte) << (shift - 64)
            }
            shift += 8
        }
        return (low, high, bytes.count)
    }

    /// Whether the name is longer than 16 bytes (packed equality then says nothing).
    var isLong: Bool { length < 0 }

    /// Whether this name and `other` are equal; `text` and `otherText` are only read for long names.
    @inline(__always)
    func matches(_ other: PackedName, text: @autoclosure () -> String, otherText: @autoclosure () -> String) -> Bool {
        if isLong || other.isLong { return text().utf8.elementsEqual(otherText().utf8) }
        return self == other
    }
}
