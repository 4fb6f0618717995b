import CodedErrors

extension ErrorCode where Domain == ColdChainError {
    /// A stored ``ExcursionTracker`` state is malformed, of an unknown version, or does not belong to the profile.
    public static let trackerState = Self("COLDCHAIN_TRACKER_STATE")
}

/// The binary layout of a stored ``ExcursionTracker`` (version 1), all integers big-endian:
///
/// ```
/// u8      version = 1
/// u8      flags: bit 0 set when a reading has been taken (the last reading time follows); other bits zero
/// [i64]   last reading time, ms since 1970 (two's complement), when flag bit 0 is set
/// uvarint number of single-mode rules (unsigned LEB128, minimal, at most 5 bytes)
/// per rule, in profile order:
///   u8    bit 0 kind (0 heat, 1 freeze), bit 1 boundary (0 inclusive, 1 exclusive), bit 2 open run follows;
///         other bits zero
///   f64   the rule's threshold (IEEE 754 binary64 bits)
///   [i64  open run start, ms since 1970; f64 its extreme temperature]  when bit 2 is set
/// ```
///
/// An open run always ends at the last reading, so its end is not stored. The rule descriptors let a restore reject
/// a state saved under another profile.
extension ExcursionTracker {
    /// The state format version written by ``encoded()``.
    public static let encodingVersion: UInt8 = 1

    /// A compact, deterministic binary encoding of the state, version byte first (layout in the source).
    public func encoded() -> [UInt8] {
        var out: [UInt8] = [ExcursionTracker.encodingVersion, lastReadingTime == nil ? 0 : 1]
        if let lastReadingTime { append(UInt64(bitPattern: lastReadingTime), to: &out) }
        var count = UInt64(rules.count)
        repeat {
            let low = UInt8(count & 0x7F)
            count >>= 7
            out.append(count == 0 ? low : low | 0x80)
        } while count != 0
        for (rule, run) in zip(rules, runs) {
            out.append(ExcursionTracker.descriptor(rule) | (run == nil ? 0 : 4))
            append(rule.thresholdC.bitPattern, to: &out)
            if let run {
                append(UInt64(bitPattern: run.start), to: &out)
                append(run.extremeC.bitPattern, to: &out)
            }
        }
        return out
    }

    /// Restores a state written by ``encoded()`` for the same profile (the same single-mode rule kinds, boundaries and
    /// thresholds, in the same order).
    ///
    /// - Throws: `ColdChainError` `COLDCHAIN_TRACKER_STATE` for any malformed, truncated or foreign input; never traps.
    public init(profile: TemperatureProfile, restoring bytes: [UInt8]) throws(ColdChainError) {
        self.init(profile: profile)
        var reader = StateReader(bytes: bytes)
        let version = try reader.byte("version")
        guard version == ExcursionTracker.encodingVersion else {
            throw ColdChainError(
                .trackerState, "expected tracker state version \(ExcursionTracker.encodingVersion), found \(version)")
        }
        let flags = try reader.byte("flags")
        guard flags & ~1 == 0 else {
            throw ColdChainError(.trackerState, "expected tracker state flags 0 or 1, found \(flags)")
        }
        let last: Int64? = flags == 1 ? Int64(bitPattern: try reader.word("last reading time")) : nil
        let count = try reader.varint()
        guard count == UInt64(rules.count) else {
            throw ColdChainError(
                .trackerState, "expected \(rules.count) single-mode rules for profile \(profile.name), found \(count)")
        }
        for index in rules.indices {
            let rule = rules[index]
            let descriptor = try reader.byte("rule descriptor")
            let threshold = Double(bitPattern: try reader.word("rule threshold"))
            guard descriptor & ~4 == ExcursionTracker.descriptor(rule), threshold.bitPattern == rule.thresholdC.bitPattern
            else {
                throw ColdChainError(
                    .trackerState,
                    "expected rule \(index + 1) to be \(rule.kind.rawValue) \(rule.comparisonOperator) \(rule.thresholdC) "
                        + "as in profile \(profile.name), found another rule")
            }
            guard descriptor & 4 != 0 else { continue }
            let start = Int64(bitPattern: try reader.word("run start"))
            let extreme = Double(bitPattern: try reader.word("run extreme"))
            guard let last, start <= last else {
                throw ColdChainError(
                    .trackerState, "expected the open run of rule \(index + 1) to start at or before the last reading")
            }
            guard extreme.isFinite, rule.isOutOfRange(extreme) else {
                throw ColdChainError(
                    .trackerState, "expected the open run of rule \(index + 1) to hold a finite out-of-range extreme")
            }
            runs[index] = TrackedExcursion(
                kind: rule.kind, start: start, end: last, isOpen: true, extremeC: extreme, thresholdC: rule.thresholdC)
        }
        guard reader.isAtEnd else {
            throw ColdChainError(.trackerState, "expected the end of the tracker state, found \(reader.remaining) more bytes")
        }
        lastReadingTime = last
    }

    /// The kind and boundary bits of a rule's descriptor byte.
    static func descriptor(_ rule: AlarmRule) -> UInt8 {
        (rule.kind == .heat ? 0 : 1) | (rule.boundary == .inclusive ? 0 : 2)
    }

    private func append(_ word: UInt64, to out: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
    }
}

/// A bounds-checked reader over a stored tracker state.
private struct StateReader {
    let bytes: [UInt8]
    var offset = 0

    var isAtEnd: Bool { offset == bytes.count }
    var remaining: Int { bytes.count - offset }

    mutating func byte(_ what: String) throws(ColdChainError) -> UInt8 {
        guard offset < bytes.count else {
            throw ColdChainError(.trackerState, "expected the \(what) at byte \(offset), found the end of the state")
        }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func word(_ what: String) throws(ColdChainError) -> UInt64 {
        guard bytes.count - offset >= 8 else {
            throw ColdChainError(
                .trackerState, "expected 8 bytes of \(what) at byte \(offset), found \(bytes.count - offset)")
        }
        var value: UInt64 = 0
        for byte in bytes[offset..<(offset + 8)] { value = value << 8 | UInt64(byte) }
        offset += 8
        return value
    }

    /// A minimal unsigned LEB128 number of at most 5 bytes.
    mutating func varint() throws(ColdChainError) -> UInt64 {
        var value: UInt64 = 0
        for position in 0..<5 {
            let byte = try self.byte("rule count")
            value |= UInt64(byte & 0x7F) << UInt64(7 * position)
            if byte & 0x80 == 0 {
                guard byte != 0 || position == 0 else {
                    throw ColdChainError(.trackerState, "expected a minimal rule count, found a padded one")
                }
                return value
            }
        }
        throw ColdChainError(.trackerState, "expected a rule count of at most 5 bytes")
    }
}
