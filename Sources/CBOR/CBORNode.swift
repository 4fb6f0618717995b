/// A decoded data item that keeps its exact encoded bytes.
///
/// ``encodedBytes`` is a slice of the decoder's input (no copy), covering the whole item: for a tagged item the
/// tag heads too, for an indefinite-length item everything up to and including its `break`. Verify signatures
/// over these bytes, never over a re-encoding of ``value``.
///
/// Two nodes are equal when their encoded bytes are equal. Compare ``content`` or ``value`` to compare by value.
public struct CBORNode: Sendable, Hashable {
    /// The decoded content of a node. Only `.tagged` is stored indirectly, so that other nodes need no allocation
    /// of their own.
    public enum Content: Sendable, Hashable {
        /// Major type 0: an unsigned integer.
        case unsigned(UInt64)
        /// Major type 1: the integer `-1 - n`, where `n` is the argument.
        case negative(UInt64)
        /// Major type 2. A slice of the input for a definite length; indefinite-length chunks are concatenated.
        case byteString(ArraySlice<UInt8>)
        /// Major type 3, validated UTF-8; indefinite-length chunks are concatenated.
        case textString(String)
        /// Major type 4.
        case array([CBORNode])
        /// Major type 5, entries in encoded order.
        case map([CBORNode.MapEntry])
        /// Major type 6: a tag number and the tagged item.
        indirect case tagged(UInt64, CBORNode)
        /// Simple values 20 and 21.
        case bool(Bool)
        /// Simple value 22.
        case null
        /// Simple value 23.
        case undefined
        /// Any other simple value (0...19 or 32...255).
        case simple(UInt8)
        /// A half, single or double float; the width is visible in ``CBORNode/encodedBytes``.
        case float(Double)
    }

    /// One key/value pair of a map.
    public struct MapEntry: Sendable, Hashable {
        /// The key node.
        public let key: CBORNode
        /// The value node.
        public let value: CBORNode

        /// Creates an entry.
        public init(key: CBORNode, value: CBORNode) {
            self.key = key
            self.value = value
        }
    }

    /// The decoded content.
    public let content: Content
    /// The exact bytes this item was decoded from, a slice of the decoder's input.
    public let encodedBytes: ArraySlice<UInt8>

    init(content: Content, encodedBytes: ArraySlice<UInt8>) {
        self.content = content
        self.encodedBytes = encodedBytes
    }

    /// Equal when the encoded bytes are equal (which implies equal content).
    public static func == (lhs: CBORNode, rhs: CBORNode) -> Bool {
        lhs.encodedBytes.elementsEqual(rhs.encodedBytes)
    }

    /// Hashes the encoded bytes, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(encodedBytes.count)
        encodedBytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
