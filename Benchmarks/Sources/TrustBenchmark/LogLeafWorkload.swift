/// The log's leaves: 100-byte entries (a type byte, a timestamp, a 32-byte certificate hash and public metadata),
/// written into one reusable buffer so that generating a leaf costs a few stores, the same in every row.
struct LogLeafWorkload {
    /// The bytes of one leaf.
    static let leafLength = 100

    /// The current leaf; ``fill(_:)`` overwrites the varying fields.
    private(set) var leaf: [UInt8]

    init() {
        leaf = [UInt8](repeating: 0, count: Self.leafLength)
        // Fixed metadata after the varying fields: issuer and credential type, as ASCII.
        let metadata = Array("issuer=DE/OpenDVC;type=EUDCC-v;status=issued;kid=ZmFrZS1raWQ".utf8)
        for (offset, byte) in metadata.prefix(Self.leafLength - 41).enumerated() { leaf[41 + offset] = byte }
        leaf[0] = 0x01
    }

    /// Writes the fields of leaf `index`: its timestamp (bytes 1..<9) and a certificate hash (bytes 9..<41).
    @inline(__always)
    mutating func fill(_ index: Int) {
        let timestamp = (1_767_225_600_000 + UInt64(index) * 37).bigEndian
        var hash = SplitMix64(seed: UInt64(index))
        leaf.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: timestamp, toByteOffset: 1, as: UInt64.self)
            for word in 0..<4 { raw.storeBytes(of: hash.next(), toByteOffset: 9 + 8 * word, as: UInt64.self) }
        }
    }
}
