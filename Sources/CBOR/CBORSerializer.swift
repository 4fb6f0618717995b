/// A low-level writer of CBOR heads and items, for callers that build structures incrementally (for example the
/// COSE `Sig_structure`, which embeds received bytes unchanged with ``appendRaw(_:)``).
///
/// Every head is written in its shortest form and every length is definite. The caller is responsible for
/// writing as many items after a header as it announced; ``appendValue(_:)`` writes a whole value
/// deterministically.
public struct CBORSerializer: Sendable {
    /// The bytes written so far.
    public internal(set) var bytes: [UInt8]

    /// Creates an empty serializer.
    public init() {
        self.bytes = []
    }
    /// Reserves room for `count` bytes, so that writing a structure of known size does not grow the buffer
    /// step by step.
    public mutating func reserveCapacity(_ count: Int) {
        bytes.reserveCapacity(count)
    }


    /// Appends a head with the shortest encoding of `argument`.
    /// - Precondition: `majorType` is 0...7.
    public mutating func appendHead(majorType: UInt8, argument: UInt64) {
        precondition(majorType < 8, "CBOR major types are 0...7")
        let high = majorType << 5
        if argument < 24 {
            bytes.append(high | UInt8(truncatingIfNeeded: argument))
        } else if argument <= 0xff {
            bytes.append(high | 24)
            bytes.append(UInt8(truncatingIfNeeded: argument))
        } else if argument <= 0xffff {
            bytes.append(high | 25)
            appendBigEndian(argument, byteCount: 2)
        } else if argument <= 0xffff_ffff {
            bytes.append(high | 26)
            appendBigEndian(argument, byteCount: 4)
        } else {
            bytes.append(high | 27)
            appendBigEndian(argument, byteCount: 8)
        }
    }

    /// Appends a definite-length byte string.
    public mutating func appendByteString<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        appendHead(majorType: 2, argument: UInt64(bytes.count))
        self.bytes.append(contentsOf: bytes)
    }

    /// Appends a definite-length text string (its UTF-8 bytes, unchanged).
    public mutating func appendTextString(_ text: String) {
        let utf8 = text.utf8
        appendHead(majorType: 3, argument: UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    /// Appends the head of an array of `count` items; the caller appends the items.
    /// - Precondition: `count >= 0`.
    public mutating func appendArrayHeader(count: Int) {
        precondition(count >= 0, "a CBOR array cannot have a negative count")
        appendHead(majorType: 4, argument: UInt64(count))
    }

    /// Appends the head of a map of `count` entries; the caller appends `count` keys and values, sorted and
    /// unique if the output must be deterministic.
    /// - Precondition: `count >= 0`.
    public mutating func appendMapHeader(count: Int) {
        precondition(count >= 0, "a CBOR map cannot have a negative count")
        appendHead(majorType: 5, argument: UInt64(count))
    }

    /// Appends a tag head; the caller appends the tagged item.
    public mutating func appendTag(_ tag: UInt64) {
        appendHead(majorType: 6, argument: tag)
    }

    /// Appends an integer (major type 0 or 1).
    public mutating func appendInteger(_ value: Int64) {
        if value >= 0 {
            appendHead(majorType: 0, argument: UInt64(value))
        } else {
            appendHead(majorType: 1, argument: UInt64(bitPattern: ~value))
        }
    }

    /// Appends `true` or `false`.
    public mutating func appendBool(_ value: Bool) {
        bytes.append(value ? 0xf5 : 0xf4)
    }

    /// Appends `null`.
    public mutating func appendNull() {
        bytes.append(0xf6)
    }

    /// Appends a float in the shortest width that keeps its value: half, single or double. NaN becomes
    /// `f97e00` and infinities are half floats (RFC 8949 section 4.2.1).
    public mutating func appendFloat(_ value: Double) {
        if value.isNaN {
            bytes.append(0xf9)
            bytes.append(0x7e)
            bytes.append(0x00)
            return
        }
        let single = Float(value)
        guard Double(single) == value else {
            bytes.append(0xfb)
            appendBigEndian(value.bitPattern, byteCount: 8)
            return
        }
        if let half = HalfFloat.bits(exactly: single) {
            bytes.append(0xf9)
            appendBigEndian(UInt64(half), byteCount: 2)
        } else {
            bytes.append(0xfa)
            appendBigEndian(UInt64(single.bitPattern), byteCount: 4)
        }
    }

    /// Appends already encoded bytes unchanged (for example a received protected header).
    public mutating func appendRaw<C: Collection>(_ encoded: C) where C.Element == UInt8 {
        bytes.append(contentsOf: encoded)
    }

    private mutating func appendBigEndian(_ value: UInt64, byteCount: Int) {
        var shift = (byteCount - 1) * 8
        while shift >= 0 {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
            shift -= 8
        }
    }
}
