extension RevocationSnapshot {
    /// The first bytes of an encoded snapshot: `DVRS`.
    public static let magic: [UInt8] = [0x44, 0x56, 0x52, 0x53]
    /// The format version this implementation writes and reads.
    public static let formatVersion: UInt8 = 1

    /// The deterministic encoding (docs/REVOCATION.md): magic, format version, version, issue and next-update times,
    /// the entry count, the 17-byte records in ascending key order, then the suspension table. Equal snapshots encode
    /// to equal bytes, so these are the bytes to sign.
    public func encoded() -> [UInt8] {
        var suspensions: [(index: UInt32, until: Int64)] = []
        let total = count
        var writer = RevocationByteWriter(capacity: 37 + total * RevocationRecordList.recordSize)
        writer.append(Self.magic)
        writer.append(Self.formatVersion)
        writer.append(version)
        writer.append(issuedAt)
        writer.append(nextUpdate)
        writer.append(UInt32(truncatingIfNeeded: total))
        var index: UInt32 = 0
        for type in RevocationHashType.allCases {
            var cursor = table(type).makeCursor()
            while let item = cursor.next() {
                writer.appendRecord(type: type, high: item.high, low: item.low)
                if let until = item.suspendedUntil { suspensions.append((index, until)) }
                index &+= 1
            }
        }
        writer.append(UInt32(truncatingIfNeeded: suspensions.count))
        for suspension in suspensions {
            writer.append(suspension.index)
            writer.append(suspension.until)
        }
        return writer.bytes
    }

    /// Reads an encoded snapshot. Strict: the encoding must be exactly what ``encoded()`` writes (records strictly
    /// ascending, suspension indices ascending and in range, no trailing bytes), so a decoded snapshot re-encodes to
    /// the same bytes. Never traps on any input.
    ///
    /// - Throws: ``RevocationError`` `REVOCATION_TRUNCATED`, `REVOCATION_MALFORMED`, `REVOCATION_UNSUPPORTED_FORMAT`
    ///   or `REVOCATION_LIMIT`.
    public init(decoding bytes: [UInt8], limits: RevocationLimits = .default) throws(RevocationError) {
        var reader = RevocationByteReader(bytes)
        try Self.readHeader(&reader, magic: Self.magic, what: "snapshot")
        let version = try reader.readUInt64("the version")
        let issuedAt = try reader.readInt64("the issue time")
        let nextUpdate = try reader.readInt64("the next-update time")
        var records = try RevocationRecordList.read(&reader, limit: limits.maximumEntries, what: "entries")
        try records.readSuspensions(&reader, what: "snapshot")
        try reader.expectEnd("snapshot")
        self.init(version: version, issuedAt: issuedAt, nextUpdate: nextUpdate, tables: records.tables())
    }

    /// Reads and checks the magic and the format version.
    static func readHeader(_ reader: inout RevocationByteReader, magic: [UInt8], what: String) throws(RevocationError) {
        let found = try reader.readBytes(magic.count, "the \(what) magic")
        guard found.elementsEqual(magic) else {
            throw RevocationError(.malformed, "expected the \(what) magic \(String(decoding: magic, as: UTF8.self)), found other bytes")
        }
        let format = try reader.readUInt8("the format version")
        guard format == formatVersion else {
            throw RevocationError(.unsupportedFormat, "expected format version \(formatVersion), found \(format)")
        }
    }
}
