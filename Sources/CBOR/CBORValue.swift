/// A value to encode, or a decoded value without its bytes (see ``CBORNode/value``).
///
/// Equality is structural and uses Swift's rules for the payloads: `Double` (NaN differs from itself, `0.0`
/// equals `-0.0`) and `String` (canonical equivalence). Compare ``CBOR/encode(_:)`` outputs for byte equality.
///
/// Only `.tagged` is stored indirectly, so that scalars and strings need no allocation of their own.
public enum CBORValue: Sendable, Hashable {
    /// Major type 0: an unsigned integer.
    case unsigned(UInt64)
    /// Major type 1: the integer `-1 - n`.
    case negative(UInt64)
    /// Major type 2.
    case byteString([UInt8])
    /// Major type 3.
    case textString(String)
    /// Major type 4.
    case array([CBORValue])
    /// Major type 5; the encoder sorts the entries and rejects duplicate keys.
    case map([CBORValue.MapEntry])
    /// Major type 6: a tag number and the tagged value.
    indirect case tagged(UInt64, CBORValue)
    /// Simple values 20 and 21.
    case bool(Bool)
    /// Simple value 22.
    case null
    /// Simple value 23.
    case undefined
    /// Another simple value: 0...19 or 32...255 (others cannot be encoded).
    case simple(UInt8)
    /// A float, encoded in the shortest width that keeps its value.
    case float(Double)

    /// One key/value pair of a map.
    public struct MapEntry: Sendable, Hashable {
        /// The key.
        public var key: CBORValue
        /// The value.
        public var value: CBORValue

        /// Creates an entry.
        public init(_ key: CBORValue, _ value: CBORValue) {
            self.key = key
            self.value = value
        }
    }

    /// An integer as `.unsigned` (when not negative) or `.negative`.
    public static func integer(_ value: Int64) -> CBORValue {
        value >= 0 ? .unsigned(UInt64(value)) : .negative(UInt64(bitPattern: ~value))
    }

    /// A byte string from any collection of bytes.
    public static func bytes<C: Collection>(_ bytes: C) -> CBORValue where C.Element == UInt8 {
        .byteString(Array(bytes))
    }
}
