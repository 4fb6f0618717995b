import Foundation
import Revocation
import Testing

/// A coarse guard against accidental slowness, with bounds loose enough for a debug build on a busy machine. The
/// real figures come from a release build (docs/REVOCATION.md): millions of lookups per second at 10,000,000 entries.
@Suite struct RevocationPerformanceTests {
    @Test func lookupsAreFastEnoughEvenInDebug() throws {
        var random = RandomRevocationData(seed: 99)
        let entries = random.entries(200_000, suspendedOneIn: 50)
        let snapshot = try RevocationSnapshot(
            decoding: RevocationSnapshot(version: 1, issuedAt: 0, nextUpdate: 0, entries: entries).encoded())
        var probes = entries.prefix(50_000).map(\.key)
        for _ in 0..<50_000 { probes.append(random.key()) }
        let clock = ContinuousClock()
        var listed = 0
        let elapsed = clock.measure {
            for key in probes where snapshot.lookup(key, now: 0) != .active { listed += 1 }
        }
        #expect(listed >= 50_000 && listed <= 50_010)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(probes.count) / seconds
        // About 0.8 M/s in debug on the development machine (16 times the bound), 4–9 M/s in release.
        #expect(rate > 50_000, "lookups per second: \(Int(rate))")
    }
}
