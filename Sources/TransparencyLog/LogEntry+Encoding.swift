extension LogEntry {
    /// The ASCII label that starts every encoded entry: `OpenDVC-LogEntry-v1`.
    public static let encodingLabel: [UInt8] = Array("OpenDVC-LogEntry-v1".utf8)

    /// The deterministic bytes of the entry (version 1), the log's leaf:
    ///
    /// ```
    /// "OpenDVC-LogEntry-v1"   19 bytes ASCII, no terminator
    /// kind                     1 byte (Kind raw value)
    /// time                     8 bytes, big-endian two's complement (milliseconds since the Unix epoch)
    /// subject length           2 bytes, unsigned big-endian (1...512)
    /// subject                  that many bytes of UTF-8
    /// content hash            32 bytes
    /// ```
    ///
    /// Every field is fixed-width or length-prefixed, so no two entries share an encoding.
    public func encoded() -> [UInt8] {
        let subjectBytes = Array(subject.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.encodingLabel.count + 1 + 8 + 2 + subjectBytes.count + MerkleHash.byteCount)
        bytes.append(contentsOf: Self.encodingLabel)
        bytes.append(kind.rawValue)
        let time = UInt64(bitPattern: time)
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: time >> UInt64(shift))) }
        bytes.append(UInt8(truncatingIfNeeded: subjectBytes.count >> 8))
        bytes.append(UInt8(truncatingIfNeeded: subjectBytes.count))
        bytes.append(contentsOf: subjectBytes)
        contentHash.withUnsafeBytes { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Reads an entry from ``encoded()`` bytes (untrusted: a stored row or a client's input).
    ///
    /// - Throws: `LOG_ENTRY_MALFORMED` for another label, an unknown kind, a truncated field, a subject that is
    ///   not UTF-8, or trailing bytes; `LOG_ENTRY_INVALID` for an empty or too long subject.
    public init(encoded bytes: some Collection<UInt8>) throws(TransparencyLogError) {
        let bytes = Array(bytes)
        let label = Self.encodingLabel.count
        let fixed = label + 1 + 8 + 2
        guard bytes.count >= fixed + MerkleHash.byteCount, bytes[0..<label].elementsEqual(Self.encodingLabel) else {
            throw TransparencyLogError(
                .entryMalformed, "expected the label OpenDVC-LogEntry-v1 and at least \(fixed + 33) bytes, found \(bytes.count) bytes")
        }
        guard let kind = Kind(rawValue: bytes[label]) else {
            throw TransparencyLogError(.entryMalformed, "expected an entry kind 1 to 5, found \(bytes[label])")
        }
        var time: UInt64 = 0
        for byte in bytes[(label + 1)..<(label + 9)] { time = time << 8 | UInt64(byte) }
        let subjectLength = Int(bytes[label + 9]) << 8 | Int(bytes[label + 10])
        guard bytes.count == fixed + subjectLength + MerkleHash.byteCount else {
            throw TransparencyLogError(
                .entryMalformed,
                "expected \(fixed + subjectLength + MerkleHash.byteCount) bytes for a subject of \(subjectLength), found \(bytes.count)")
        }
        guard let subject = String(validating: bytes[fixed..<(fixed + subjectLength)], as: UTF8.self),
            let contentHash = MerkleHash(bytes: bytes[(fixed + subjectLength)...])
        else {
            throw TransparencyLogError(.entryMalformed, "expected a UTF-8 subject, found other bytes")
        }
        try self.init(kind: kind, subject: subject, time: Int64(bitPattern: time), contentHash: contentHash)
    }
}
