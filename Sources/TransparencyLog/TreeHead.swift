/// A tree head: the log's size and root at a point in time, the value a log signs (a "signed tree head"
/// once signed, see ``sign(_:key:)``).
public struct TreeHead: Sendable, Hashable {
    /// The number of leaves.
    public var size: Int
    /// The root of the first ``size`` leaves (``MerkleTree/root(size:)``).
    public var root: MerkleHash
    /// When the head was produced, in milliseconds since 1970-01-01T00:00:00Z.
    public var timestamp: Int64

    /// A tree head.
    public init(size: Int, root: MerkleHash, timestamp: Int64) {
        self.size = size
        self.root = root
        self.timestamp = timestamp
    }

    /// The ASCII label that starts ``signedBytes()``, so that a signature over a tree head can never be taken
    /// for a signature over another OpenDVC structure: `OpenDVC-TreeHead-v1`.
    public static let signatureLabel: [UInt8] = Array("OpenDVC-TreeHead-v1".utf8)

    /// The length of ``signedBytes()``: 19 + 8 + 8 + 32 = 67 bytes.
    public static let signedByteCount = 19 + 8 + 8 + MerkleHash.byteCount

    /// The deterministic bytes a log key signs (version 1, 67 bytes):
    ///
    /// ```
    /// "OpenDVC-TreeHead-v1"   19 bytes ASCII, no terminator
    /// size                     8 bytes, unsigned big-endian
    /// timestamp                8 bytes, big-endian two's complement (milliseconds since the Unix epoch)
    /// root                    32 bytes
    /// ```
    ///
    /// Every field has a fixed width, so no two heads share an encoding. A negative `size` is encoded as its
    /// two's complement; ``sign(_:key:)`` refuses such heads.
    public func signedBytes() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.signedByteCount)
        bytes.append(contentsOf: Self.signatureLabel)
        Self.appendBigEndian(UInt64(truncatingIfNeeded: size), to: &bytes)
        Self.appendBigEndian(UInt64(bitPattern: timestamp), to: &bytes)
        root.withUnsafeBytes { bytes.append(contentsOf: $0) }
        return bytes
    }

    private static func appendBigEndian(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }
}
