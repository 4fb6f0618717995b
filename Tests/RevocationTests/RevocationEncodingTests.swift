import Revocation
import Testing

/// The binary formats of docs/REVOCATION.md: exact layout, round trips, and rejection of anything else.
@Suite struct RevocationEncodingTests {
    static func be(_ value: UInt64, _ width: Int) -> [UInt8] {
        (0..<width).reversed().map { UInt8(truncatingIfNeeded: value >> UInt64($0 * 8)) }
    }

    static func key(_ type: RevocationHashType, _ fill: UInt8) -> RevocationKey {
        RevocationKey(type: type, truncatedHash: [UInt8](repeating: fill, count: 16))!
    }

    static let sample = RevocationSnapshot(
        version: 0x0102_0304_0506_0708, issuedAt: 1_700_000_000_000, nextUpdate: -1,
        entries: [
            RevocationEntry(key: key(.signature, 0x33)), RevocationEntry(key: key(.uci, 0x22), suspendedUntil: 99),
            RevocationEntry(key: key(.uci, 0x11)),
        ])

    static var sampleDelta: RevocationDelta {
        RevocationDelta(
            fromVersion: 7, toVersion: 9, issuedAt: 5, nextUpdate: 6,
            added: [RevocationEntry(key: key(.lot, 0xAA), suspendedUntil: -2), RevocationEntry(key: key(.uci, 0x01))],
            removed: [key(.certificate, 0x02)])
    }

    /// Enough keys per type for a one-byte bucket prefix.
    static func bigSnapshot() -> RevocationSnapshot {
        var random = RandomRevocationData(seed: 21)
        return RevocationSnapshot(version: 12, issuedAt: 3, nextUpdate: 4, entries: random.entries(1_200))
    }

    @Test func snapshotLayoutIsExactlyAsDocumented() {
        var expected: [UInt8] = Array("DVRS".utf8) + [1]
        expected += Self.be(0x0102_0304_0506_0708, 8) + Self.be(1_700_000_000_000, 8) + Self.be(UInt64.max, 8)
        expected += Self.be(3, 4)
        expected += [1] + [UInt8](repeating: 0x11, count: 16)
        expected += [1] + [UInt8](repeating: 0x22, count: 16)
        expected += [3] + [UInt8](repeating: 0x33, count: 16)
        expected += Self.be(1, 4) + Self.be(1, 4) + Self.be(99, 8)
        #expect(Self.sample.encoded() == expected)
        #expect(expected.count == 5 + 24 + 4 + 3 * 17 + 4 + 12)
    }

    @Test func deltaLayoutIsExactlyAsDocumented() {
        var expected: [UInt8] = Array("DVRD".utf8) + [1]
        expected += Self.be(7, 8) + Self.be(9, 8) + Self.be(5, 8) + Self.be(6, 8)
        expected += Self.be(2, 4) + [1] + [UInt8](repeating: 0x01, count: 16) + [5] + [UInt8](repeating: 0xAA, count: 16)
        expected += Self.be(1, 4) + Self.be(1, 4) + Self.be(UInt64(bitPattern: -2), 8)
        expected += Self.be(1, 4) + [6] + [UInt8](repeating: 0x02, count: 16)
        #expect(Self.sampleDelta.encoded() == expected)
    }

    @Test func roundTrips() throws {
        for snapshot in [Self.sample, Self.bigSnapshot(), RevocationSnapshot(version: 0, issuedAt: 0, nextUpdate: 0, entries: [])] {
            let bytes = snapshot.encoded()
            let decoded = try RevocationSnapshot(decoding: bytes)
            #expect(decoded == snapshot)
            let sameBytes = decoded.encoded() == bytes
            #expect(sameBytes, "\(snapshot)")
        }
        let delta = try RevocationDelta(decoding: Self.sampleDelta.encoded())
        #expect(delta == Self.sampleDelta.normalized())
        #expect(delta.encoded() == Self.sampleDelta.encoded())
    }

    @Test func everyTruncationOfASnapshotIsReported() {
        let bytes = Self.sample.encoded()
        var wrong: [Int] = []
        for length in 0..<bytes.count {
            do {
                _ = try RevocationSnapshot(decoding: Array(bytes.prefix(length)))
                wrong.append(length)
            } catch {
                if error.errorCode != .truncated { wrong.append(length) }
            }
        }
        #expect(wrong.isEmpty, "prefix lengths not reported as truncated: \(wrong)")
    }

    @Test func everyTruncationOfADeltaIsReported() {
        let bytes = Self.sampleDelta.encoded()
        var wrong: [Int] = []
        for length in 0..<bytes.count {
            do {
                _ = try RevocationDelta(decoding: Array(bytes.prefix(length)))
                wrong.append(length)
            } catch {
                if error.errorCode != .truncated { wrong.append(length) }
            }
        }
        #expect(wrong.isEmpty, "prefix lengths not reported as truncated: \(wrong)")
    }

    /// Every single-bit flip of the small encodings, and a sample of flips of a large one: each is rejected with a
    /// code, or decodes to something whose encoding is exactly the flipped bytes (a flipped time, version or hash bit).
    @Test func bitFlipsAreRejectedOrCanonical() {
        var random = RandomRevocationData(seed: 3)
        let big = Self.bigSnapshot().encoded()
        var inputs: [(bytes: [UInt8], positions: [Int])] = [
            (Self.sample.encoded(), Array(0..<(Self.sample.encoded().count * 8))),
            (Self.sampleDelta.encoded(), Array(0..<(Self.sampleDelta.encoded().count * 8))),
        ]
        inputs.append((big, (0..<1_000).map { _ in Int(random.below(UInt64(big.count * 8))) } + Array(0..<(40 * 8))))
        var accepted = 0
        var rejected = 0
        var inconsistent = 0
        for (bytes, positions) in inputs {
            for position in positions {
                var flipped = bytes
                flipped[position / 8] ^= UInt8(1) << UInt8(position % 8)
                if let snapshot = try? RevocationSnapshot(decoding: flipped) {
                    accepted += 1
                    if snapshot.encoded() != flipped { inconsistent += 1 }
                } else if let delta = try? RevocationDelta(decoding: flipped) {
                    accepted += 1
                    if delta.encoded() != flipped { inconsistent += 1 }
                } else {
                    rejected += 1
                }
            }
        }
        #expect(inconsistent == 0)
        #expect(rejected > 0)
        #expect(accepted > 0)
    }

    static func malformedSnapshots() -> [(String, [UInt8], RevocationError.Code)] {
        let good = sample.encoded()
        let header = 5 + 24
        let records = header + 4
        let suspensionTable = records + 3 * 17
        func with(_ edit: (inout [UInt8]) -> Void) -> [UInt8] {
            var bytes = good
            edit(&bytes)
            return bytes
        }
        return [
            ("wrong magic", with { $0[0] = 0x45 }, .malformed),
            ("delta magic", with { $0[3] = 0x44 }, .malformed),
            ("format 2", with { $0[4] = 2 }, .unsupportedFormat),
            ("format 0", with { $0[4] = 0 }, .unsupportedFormat),
            ("type code 0", with { $0[records] = 0 }, .malformed),
            ("type code 7", with { $0[records + 17 * 2] = 7 }, .malformed),
            ("repeated record", with { $0.replaceSubrange((records + 17)..<(records + 34), with: $0[records..<(records + 17)]) }, .malformed),
            ("records out of order", with { $0[records + 17] = 3; $0[records + 34] = 1 }, .malformed),
            ("trailing byte", good + [0], .malformed),
            ("suspension index out of range", with { $0[suspensionTable + 7] = 3 }, .malformed),
            ("more suspensions than records", with { $0[suspensionTable + 3] = 4 }, .malformed),
            ("count beyond the bytes", with { $0[records - 1] = 4 }, .truncated),
            ("huge count", with { $0.replaceSubrange((records - 4)..<records, with: [0xFF, 0xFF, 0xFF, 0xFF]) }, .limitExceeded),
            ("empty", [], .truncated),
        ]
    }

    @Test func malformedSnapshotsAreRejectedWithTheirCode() {
        for (name, bytes, code) in Self.malformedSnapshots() {
            #expect(throws: RevocationError(code, ""), "\(name)") { try RevocationSnapshot(decoding: bytes) }
        }
    }

    @Test func unsortedSuspensionIndicesAreRejected() {
        let snapshot = RevocationSnapshot(
            version: 1, issuedAt: 0, nextUpdate: 0,
            entries: [RevocationEntry(key: Self.key(.uci, 1), suspendedUntil: 1), RevocationEntry(key: Self.key(.uci, 2), suspendedUntil: 2)])
        var bytes = snapshot.encoded()
        let table = bytes.count - 24
        // Swap the two (index, until) pairs.
        let first = Array(bytes[table..<(table + 12)])
        bytes.replaceSubrange(table..<(table + 12), with: bytes[(table + 12)..<(table + 24)])
        bytes.replaceSubrange((table + 12)..<(table + 24), with: first)
        #expect(throws: RevocationError(.malformed, "")) { try RevocationSnapshot(decoding: bytes) }
    }

    @Test func malformedDeltasAreRejectedWithTheirCode() {
        let good = Self.sampleDelta.encoded()
        func with(_ edit: (inout [UInt8]) -> Void) -> [UInt8] {
            var bytes = good
            edit(&bytes)
            return bytes
        }
        let cases: [(String, [UInt8], RevocationError.Code)] = [
            ("snapshot magic", with { $0[3] = 0x53 }, .malformed),
            ("format 9", with { $0[4] = 9 }, .unsupportedFormat),
            ("to-version equal to from-version", with { $0[20] = 7 }, .malformed),
            ("to-version below from-version", with { $0[20] = 1 }, .malformed),
            ("added records out of order", with { $0[41] = 6 }, .malformed),
            ("trailing byte", good + [0], .malformed),
            ("removed count beyond the bytes", with { $0[good.count - 18] = 2 }, .truncated),
        ]
        for (name, bytes, code) in cases {
            #expect(throws: RevocationError(code, ""), "\(name)") { try RevocationDelta(decoding: bytes) }
        }
    }

    @Test func limitsCapTheEntries() throws {
        let bytes = Self.bigSnapshot().encoded()
        let count = Self.bigSnapshot().count
        #expect(throws: RevocationError(.limitExceeded, "")) {
            try RevocationSnapshot(decoding: bytes, limits: RevocationLimits(maximumEntries: count - 1))
        }
        #expect(try RevocationSnapshot(decoding: bytes, limits: RevocationLimits(maximumEntries: count)).count == count)
        let delta = Self.sampleDelta.encoded()
        #expect(throws: RevocationError(.limitExceeded, "")) {
            try RevocationDelta(decoding: delta, limits: RevocationLimits(maximumEntries: 2))
        }
        #expect(try RevocationDelta(decoding: delta, limits: RevocationLimits(maximumEntries: 3)).added.count == 2)
    }

    @Test func errorsCarryStableCodesAndNoHashBytes() throws {
        let key = Self.key(.uci, 0xAB)
        let old = RevocationSnapshot(version: 1, issuedAt: 0, nextUpdate: 0, entries: [])
        do {
            _ = try old.applying(RevocationDelta(fromVersion: 1, toVersion: 2, issuedAt: 0, nextUpdate: 0, added: [], removed: [key]))
            Issue.record("expected a conflict")
        } catch {
            #expect(error.code == "REVOCATION_DELTA_CONFLICT")
            #expect(!error.message.lowercased().contains("abab"))
        }
        let codes: [RevocationError.Code] = [.malformed, .truncated, .unsupportedFormat, .versionMismatch, .deltaConflict, .limitExceeded]
        #expect(codes.map(\.rawValue) == [
            "REVOCATION_MALFORMED", "REVOCATION_TRUNCATED", "REVOCATION_UNSUPPORTED_FORMAT", "REVOCATION_VERSION_MISMATCH",
            "REVOCATION_DELTA_CONFLICT", "REVOCATION_LIMIT",
        ])
    }
}
