import Revocation
import Testing

/// Lookups against a dictionary model on random data, at sizes on both sides of each index layout change
/// (no prefix up to 64 keys of a type, a one-byte prefix up to 32,768, two bytes above).
@Suite struct RevocationSnapshotTests {
    @Test(arguments: [(0, UInt64(1)), (1, 2), (64, 3), (65, 4), (300, 5), (4_000, 6), (32_768, 7), (32_769, 8), (60_000, 9)])
    func lookupsMatchTheModel(count: Int, seed: UInt64) {
        var random = RandomRevocationData(seed: seed)
        // All of one type, so the table of that type has exactly `count` keys (and then a few of the other types).
        var entries = random.entries(count, type: .uci)
        entries += random.entries(count / 10)
        // Repeats with other states: the strongest must win.
        for index in stride(from: 0, to: entries.count, by: 7) {
            entries.append(RevocationEntry(key: entries[index].key, suspendedUntil: Int64(random.below(3_000))))
        }
        entries.shuffle(using: &random.generator)
        let model = model(of: entries)
        let snapshot = RevocationSnapshot(version: 3, issuedAt: 10, nextUpdate: 20, entries: entries)
        #expect(snapshot.count == model.count)
        #expect(snapshot.count(of: .uci) == model.keys.count { $0.type == .uci })
        var probes = Array(model.keys)
        for _ in 0..<max(200, count / 4) { probes.append(random.key()) }
        var mismatches = 0
        for key in probes {
            let now = Int64(random.below(2_500))
            if snapshot.lookup(key, now: now) != modelState(model, key, now: now) { mismatches += 1 }
            if snapshot.contains(key) != (model[key] != nil) { mismatches += 1 }
        }
        #expect(mismatches == 0)
        let expected = model.map { RevocationEntry(key: $0.key, suspendedUntil: $0.value) }.sorted { $0.key < $1.key }
        let sameEntries = snapshot.entries == expected
        #expect(sameEntries)
    }

    /// Keys crowded into one bucket, at its edges and next to each other, so the interpolation guess is far off.
    @Test func crowdedBucketsAndNeighbours() throws {
        var random = RandomRevocationData(seed: 77)
        var entries: [RevocationEntry] = []
        for prefix: [UInt8] in [[0x00, 0x00], [0xFF, 0xFF], [0x12, 0x34]] {
            for _ in 0..<2_000 { entries.append(RevocationEntry(key: random.key(type: .signature, prefix: prefix))) }
        }
        for _ in 0..<40_000 { entries.append(RevocationEntry(key: random.key(type: .signature))) }
        let zeros = try #require(RevocationKey(type: .signature, truncatedHash: [UInt8](repeating: 0, count: 16)))
        let ones = try #require(RevocationKey(type: .signature, truncatedHash: [UInt8](repeating: 0xFF, count: 16)))
        entries += [RevocationEntry(key: zeros), RevocationEntry(key: ones, suspendedUntil: 5)]
        let snapshot = RevocationSnapshot(version: 1, issuedAt: 0, nextUpdate: 0, entries: entries)
        let listed = Set(entries.map(\.key))
        #expect(snapshot.count == listed.count)
        #expect(entries.count { !snapshot.contains($0.key) } == 0)
        // Neighbours of listed keys (last byte + 1) and the same hashes under another type answer as the set does.
        var wrongAnswers = 0
        for entry in entries {
            var bytes = entry.key.hash
            bytes[15] &+= 1
            let neighbour = try #require(RevocationKey(type: .signature, truncatedHash: bytes))
            if snapshot.contains(neighbour) != listed.contains(neighbour) { wrongAnswers += 1 }
            let otherType = try #require(RevocationKey(type: .uci, truncatedHash: entry.key.hash))
            if snapshot.contains(otherType) { wrongAnswers += 1 }
        }
        #expect(wrongAnswers == 0)
        #expect(snapshot.lookup(zeros, now: 0) == .revoked)
        #expect(snapshot.lookup(ones, now: 4) == .suspended(until: 5))
        #expect(snapshot.lookup(ones, now: 5) == .active)
    }

    @Test func suspensionBeforeAndAfterItsEnd() {
        let revoked = RevocationHashes.uci("URN:UVCI:01:DE:REVOKED")
        let suspended = RevocationHashes.countryCodeUCI(country: "DE", uci: "URN:UVCI:01:DE:SUSPENDED")
        let other = RevocationHashes.uci("URN:UVCI:01:DE:OTHER")
        let end: Int64 = 1_800_000_000_000
        let snapshot = RevocationSnapshot(
            version: 1, issuedAt: 0, nextUpdate: 0,
            entries: [RevocationEntry(key: revoked), RevocationEntry(key: suspended, suspendedUntil: end)])
        #expect(snapshot.lookup(revoked, now: 0) == .revoked)
        #expect(snapshot.lookup(revoked, now: .max) == .revoked)
        #expect(snapshot.lookup(suspended, now: end - 1) == .suspended(until: end))
        #expect(snapshot.lookup(suspended, now: end) == .active)
        #expect(snapshot.lookup(other, now: 0) == .active)
        #expect(snapshot.entry(for: suspended) == RevocationEntry(key: suspended, suspendedUntil: end))
        #expect(snapshot.entry(for: other) == nil)
        // The same UCI under another hash type is another key.
        #expect(snapshot.lookup(RevocationHashes.certificate(identifier: "URN:UVCI:01:DE:REVOKED"), now: 0) == .active)
    }

    @Test func repeatedKeysKeepTheStrongestEntryWhateverTheOrder() {
        let key = RevocationHashes.uci("A")
        let variants: [[RevocationEntry]] = [
            [RevocationEntry(key: key, suspendedUntil: 5), RevocationEntry(key: key), RevocationEntry(key: key, suspendedUntil: 9)],
            [RevocationEntry(key: key), RevocationEntry(key: key, suspendedUntil: 9)],
        ]
        for entries in variants {
            for ordering in [entries, entries.reversed()] {
                let snapshot = RevocationSnapshot(version: 1, issuedAt: 0, nextUpdate: 0, entries: ordering)
                #expect(snapshot.count == 1)
                #expect(snapshot.lookup(key, now: 0) == .revoked)
            }
        }
        let suspensions = [RevocationEntry(key: key, suspendedUntil: 5), RevocationEntry(key: key, suspendedUntil: 9)]
        for ordering in [suspensions, suspensions.reversed()] {
            let snapshot = RevocationSnapshot(version: 1, issuedAt: 0, nextUpdate: 0, entries: ordering)
            #expect(snapshot.lookup(key, now: 6) == .suspended(until: 9))
        }
    }

    @Test func entryOrderDoesNotChangeTheSnapshot() {
        var random = RandomRevocationData(seed: 5)
        let entries = random.entries(5_000)
        let first = RevocationSnapshot(version: 9, issuedAt: 1, nextUpdate: 2, entries: entries)
        let second = RevocationSnapshot(version: 9, issuedAt: 1, nextUpdate: 2, entries: entries.shuffled(using: &random.generator))
        #expect(first == second)
        let sameBytes = first.encoded() == second.encoded()
        #expect(sameBytes)
    }
}

extension RevocationSnapshotTests {
    /// Fourteen bytes per record once a type has more than 32,768 keys, plus the 256 KiB index.
    @Test func storageIsFourteenBytesPerLargeTableEntry() {
        var random = RandomRevocationData(seed: 8)
        let snapshot = RevocationSnapshot(
            version: 1, issuedAt: 0, nextUpdate: 0, entries: random.entries(40_000, suspendedOneIn: UInt64.max, type: .uci))
        // The five other (empty) tables keep a two-entry index each.
        #expect(snapshot.storageByteCount == 40_000 * 14 + (65_536 + 1) * 4 + 5 * 2 * 4)
        let small = RevocationSnapshot(
            version: 1, issuedAt: 0, nextUpdate: 0, entries: random.entries(10, suspendedOneIn: UInt64.max, type: .lot))
        #expect(small.storageByteCount == 10 * 16 + 6 * 2 * 4)
    }
}
