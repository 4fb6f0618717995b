extension RevocationDelta {
    /// The first bytes of an encoded delta: `DVRD`.
    public static let magic: [UInt8] = [0x44, 0x56, 0x52, 0x44]

    /// The deterministic encoding of the ``normalized()`` delta (docs/REVOCATION.md): magic, format version, from and
    /// to versions, issue and next-update times, the added records with their suspension table, then the removed
    /// records.
    public func encoded() -> [UInt8] {
        let delta = normalized()
        let recordSize = RevocationRecordList.recordSize
        var writer = RevocationByteWriter(capacity: 49 + (delta.added.count + delta.removed.count) * recordSize)
        writer.append(Self.magic)
        writer.append(RevocationSnapshot.formatVersion)
        writer.append(delta.fromVersion)
        writer.append(delta.toVersion)
        writer.append(delta.issuedAt)
        writer.append(delta.nextUpdate)
        writer.append(UInt32(truncatingIfNeeded: delta.added.count))
        var suspensions: [(index: UInt32, until: Int64)] = []
        for (index, entry) in delta.added.enumerated() {
            writer.appendRecord(type: entry.key.type, high: entry.key.high, low: entry.key.low)
            if let until = entry.suspendedUntil { suspensions.append((UInt32(truncatingIfNeeded: index), until)) }
        }
        writer.append(UInt32(truncatingIfNeeded: suspensions.count))
        for suspension in suspensions {
            writer.append(suspension.index)
            writer.append(suspension.until)
        }
        writer.append(UInt32(truncatingIfNeeded: delta.removed.count))
        for key in delta.removed { writer.appendRecord(type: key.type, high: key.high, low: key.low) }
        return writer.bytes
    }

    /// Reads an encoded delta. Strict like ``RevocationSnapshot/init(decoding:limits:)``: both record lists strictly
    /// ascending, the to-version above the from-version, no trailing bytes; `limits` caps added plus removed keys.
    ///
    /// - Throws: ``RevocationError`` `REVOCATION_TRUNCATED`, `REVOCATION_MALFORMED`, `REVOCATION_UNSUPPORTED_FORMAT`
    ///   or `REVOCATION_LIMIT`.
    public init(decoding bytes: [UInt8], limits: RevocationLimits = .default) throws(RevocationError) {
        var reader = RevocationByteReader(bytes)
        try RevocationSnapshot.readHeader(&reader, magic: Self.magic, what: "delta")
        let fromVersion = try reader.readUInt64("the from-version")
        let toVersion = try reader.readUInt64("the to-version")
        guard toVersion > fromVersion else {
            throw RevocationError(
                .malformed, "expected a to-version above the from-version \(fromVersion), found \(toVersion)")
        }
        let issuedAt = try reader.readInt64("the issue time")
        let nextUpdate = try reader.readInt64("the next-update time")
        var added = try RevocationRecordList.read(&reader, limit: limits.maximumEntries, what: "added keys")
        try added.readSuspensions(&reader, what: "delta")
        let removed = try RevocationRecordList.read(
            &reader, limit: limits.maximumEntries - added.count, what: "removed keys")
        try reader.expectEnd("delta")
        self.init(
            fromVersion: fromVersion, toVersion: toVersion, issuedAt: issuedAt, nextUpdate: nextUpdate,
            added: added.entries(), removed: (0..<removed.count).map { removed.key(at: $0) })
    }
}
