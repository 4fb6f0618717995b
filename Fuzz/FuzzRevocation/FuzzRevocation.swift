// libFuzzer entry point for the revocation snapshot and delta decoders.
//
// Build and run (see Fuzz/README.md):
//   swift build --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product FuzzRevocation
//   .build/debug/FuzzRevocation corpus/ Fuzz/seeds/FuzzRevocation -max_total_time=60
//
// Properties checked on every input:
//   1. decoding as a snapshot and as a delta returns or throws a RevocationError (typed throws), never crashes;
//   2. a decoded snapshot or delta re-encodes to exactly the input (the decoders accept only the canonical form);
//   3. every entry of a decoded snapshot is found by lookup with its own state, before and after its suspension ends;
//   4. the delta between a thinned-out older snapshot and a decoded one turns the older into the decoded one,
//      and survives its own encoding;
//   5. a decoded delta applied to an empty snapshot at its from-version gives exactly its added entries (or a
//      delta conflict when it removes anything).
import Revocation

/// Property 3.
func checkLookups(_ snapshot: RevocationSnapshot) {
    for entry in snapshot.entries.prefix(2_000) {
        guard snapshot.contains(entry.key), snapshot.entry(for: entry.key) == entry else {
            fatalError("a decoded entry is not found with its own state")
        }
        if let until = entry.suspendedUntil {
            if until > Int64.min, snapshot.lookup(entry.key, now: until - 1) != .suspended(until: until) {
                fatalError("a suspension is not reported before its end")
            }
            if snapshot.lookup(entry.key, now: until) != .active { fatalError("a suspension outlives its end") }
        } else if snapshot.lookup(entry.key, now: 0) != .revoked {
            fatalError("a permanent revocation is not reported")
        }
    }
}

/// Property 4.
func checkDeltaRoundTrip(_ snapshot: RevocationSnapshot) {
    guard snapshot.version > 0 else { return }
    let entries = snapshot.entries
    var older = entries.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
    // An entry the decoded snapshot lacks (or holds in another state), so the delta removes or replaces something.
    older.append(RevocationEntry(key: RevocationHashes.uci("fuzz"), suspendedUntil: 7))
    let old = RevocationSnapshot(version: snapshot.version - 1, issuedAt: 0, nextUpdate: 0, entries: older)
    do {
        let delta = try RevocationDelta(from: old, to: snapshot)
        let decoded = try RevocationDelta(decoding: delta.encoded())
        guard decoded == delta else { fatalError("a computed delta does not survive its encoding") }
        guard try old.applying(decoded) == snapshot else { fatalError("applying the delta does not give the newer snapshot") }
    } catch {
        fatalError("a computed delta failed: \(error.code)")
    }
}

/// Property 5.
func checkDeltaOnEmpty(_ delta: RevocationDelta) {
    let empty = RevocationSnapshot(version: delta.fromVersion, issuedAt: 0, nextUpdate: 0, entries: [])
    do {
        let result = try empty.applying(delta)
        guard delta.removed.isEmpty, result.entries == delta.added, result.version == delta.toVersion else {
            fatalError("a delta applied to an empty snapshot does not give its added entries")
        }
    } catch {
        guard error.errorCode == .deltaConflict, !delta.removed.isEmpty else {
            fatalError("a decoded delta failed on an empty snapshot: \(error.code)")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let limits = RevocationLimits(maximumEntries: 100_000)
    if let snapshot = try? RevocationSnapshot(decoding: bytes, limits: limits) {
        guard snapshot.encoded() == bytes else { fatalError("a decoded snapshot re-encodes differently") }
        checkLookups(snapshot)
        checkDeltaRoundTrip(snapshot)
    }
    if let delta = try? RevocationDelta(decoding: bytes, limits: limits) {
        guard delta.encoded() == bytes else { fatalError("a decoded delta re-encodes differently") }
        checkDeltaOnEmpty(delta)
    }
    return 0
}
