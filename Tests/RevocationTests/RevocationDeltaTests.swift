import Revocation
import Testing

@Suite struct RevocationDeltaTests {
    static func snapshot(_ version: UInt64, _ entries: [RevocationEntry]) -> RevocationSnapshot {
        RevocationSnapshot(version: version, issuedAt: Int64(version) * 1_000, nextUpdate: Int64(version) * 1_000 + 500, entries: entries)
    }

    @Test func addsLiftsAndReplaces() throws {
        let kept = RevocationHashes.uci("kept")
        let lifted = RevocationHashes.uci("lifted")
        let upgraded = RevocationHashes.signature(coseSignature: [1, 2, 3, 4], algorithm: .rsa)
        let added = RevocationHashes.lot(gtin: "09506000134352", lot: "L1")
        let old = Self.snapshot(4, [
            RevocationEntry(key: kept), RevocationEntry(key: lifted), RevocationEntry(key: upgraded, suspendedUntil: 50),
        ])
        let delta = RevocationDelta(
            fromVersion: 4, toVersion: 6, issuedAt: 6_000, nextUpdate: 7_000,
            added: [RevocationEntry(key: added, suspendedUntil: 90), RevocationEntry(key: upgraded)], removed: [lifted])
        let new = try old.applying(delta)
        #expect(new.version == 6)
        #expect(new.issuedAt == 6_000)
        #expect(new.nextUpdate == 7_000)
        #expect(new.count == 3)
        #expect(new.lookup(kept, now: 0) == .revoked)
        #expect(new.lookup(lifted, now: 0) == .active)
        #expect(new.lookup(upgraded, now: 0) == .revoked)
        #expect(new.lookup(added, now: 89) == .suspended(until: 90))
        #expect(old.lookup(lifted, now: 0) == .revoked, "the original is unchanged")
        // A key both removed and added is replaced.
        let replaced = try old.applying(
            RevocationDelta(fromVersion: 4, toVersion: 5, issuedAt: 0, nextUpdate: 0,
                added: [RevocationEntry(key: lifted, suspendedUntil: 3)], removed: [lifted]))
        #expect(replaced.entry(for: lifted)?.suspendedUntil == 3)
        #expect(replaced.count == 3)
    }

    @Test func refusesAnotherVersion() throws {
        let old = Self.snapshot(4, [RevocationEntry(key: RevocationHashes.uci("a"))])
        for (from, to) in [(UInt64(3), UInt64(5)), (5, 6), (4, 4), (4, 3)] {
            let delta = RevocationDelta(fromVersion: from, toVersion: to, issuedAt: 0, nextUpdate: 0, added: [], removed: [])
            #expect(throws: RevocationError(.versionMismatch, "")) { try old.applying(delta) }
        }
        #expect(throws: RevocationError(.versionMismatch, "")) { try RevocationDelta(from: old, to: old) }
    }

    @Test func refusesRemovingAnAbsentKey() {
        let old = Self.snapshot(1, [RevocationEntry(key: RevocationHashes.uci("a"))])
        let delta = RevocationDelta(
            fromVersion: 1, toVersion: 2, issuedAt: 0, nextUpdate: 0, added: [], removed: [RevocationHashes.uci("b")])
        #expect(throws: RevocationError(.deltaConflict, "")) { try old.applying(delta) }
        // The same hash under another type is another key.
        let otherType = RevocationDelta(
            fromVersion: 1, toVersion: 2, issuedAt: 0, nextUpdate: 0, added: [],
            removed: [RevocationKey(type: .certificate, truncatedHash: RevocationHashes.uci("a").hash)!])
        #expect(throws: RevocationError(.deltaConflict, "")) { try old.applying(otherType) }
    }

    /// Random histories: the delta computed between two versions turns one into the other, also after its encoding,
    /// and a chain of deltas gives the same snapshot as building the last version directly.
    @Test(arguments: [UInt64(1), 2, 3])
    func computedDeltasReproduceTheNewerSnapshot(seed: UInt64) throws {
        var random = RandomRevocationData(seed: seed)
        var entries = random.entries(Int(2_000 * seed) + 100)
        var current = Self.snapshot(1, entries)
        for version: UInt64 in 2...6 {
            // Lift about a tenth, change some suspensions, add new ones.
            entries = entries.filter { _ in random.below(10) != 0 }
            for index in entries.indices where random.below(20) == 0 {
                entries[index].suspendedUntil = random.below(2) == 0 ? nil : Int64(random.below(5_000))
            }
            entries += random.entries(Int(random.below(500)))
            let next = Self.snapshot(version, entries)
            let delta = try RevocationDelta(from: current, to: next)
            let decoded = try RevocationDelta(decoding: delta.encoded())
            #expect(decoded == delta)
            let applied = try current.applying(decoded)
            #expect(applied == next)
            let sameBytes = applied.encoded() == next.encoded()
            #expect(sameBytes)
            // The model agrees too.
            let model = model(of: entries)
            #expect(applied.count == model.count)
            #expect(model.keys.count { applied.lookup($0, now: 2_000) != modelState(model, $0, now: 2_000) } == 0)
            current = applied
        }
    }

    @Test func untouchedTypesAreCarriedOver() throws {
        var random = RandomRevocationData(seed: 11)
        let old = Self.snapshot(1, random.entries(3_000, type: .uci) + random.entries(3_000, type: .signature))
        let add = RevocationEntry(key: random.key(type: .signature))
        let new = try old.applying(
            RevocationDelta(fromVersion: 1, toVersion: 2, issuedAt: 0, nextUpdate: 0, added: [add], removed: []))
        #expect(new.count(of: .uci) == 3_000)
        #expect(new.count(of: .signature) == 3_001)
        let sameUCIs = new.entries.filter { $0.key.type == .uci } == old.entries.filter { $0.key.type == .uci }
        #expect(sameUCIs)
    }

    @Test func normalizedSortsAndMergesRepeats() {
        let a = RevocationHashes.uci("a")
        let b = RevocationHashes.uci("b")
        let delta = RevocationDelta(
            fromVersion: 1, toVersion: 2, issuedAt: 0, nextUpdate: 0,
            added: [RevocationEntry(key: b, suspendedUntil: 4), RevocationEntry(key: a), RevocationEntry(key: b, suspendedUntil: 8)],
            removed: [b, a, b])
        let normalized = delta.normalized()
        #expect(normalized.added == [RevocationEntry(key: a), RevocationEntry(key: b, suspendedUntil: 8)].sorted { $0.key < $1.key })
        #expect(normalized.removed == [a, b].sorted())
        #expect(delta.encoded() == normalized.encoded())
    }
}
