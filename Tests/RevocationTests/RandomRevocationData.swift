import Revocation
import TestSupport

/// Random keys and entries for the model-based tests, from a seeded generator so that failures repeat.
struct RandomRevocationData {
    var generator: SeededGenerator

    init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    mutating func key(type: RevocationHashType? = nil) -> RevocationKey {
        let chosen = type ?? RevocationHashType.allCases[Int(generator.next() % UInt64(RevocationHashType.allCases.count))]
        var bytes: [UInt8] = []
        for _ in 0..<RevocationKey.hashLength { bytes.append(UInt8(truncatingIfNeeded: generator.next())) }
        guard let key = RevocationKey(type: chosen, truncatedHash: bytes) else { fatalError("16 bytes make a key") }
        return key
    }

    /// A key whose hash starts with `prefix` (to fill one bucket of the index).
    mutating func key(type: RevocationHashType, prefix: [UInt8]) -> RevocationKey {
        var bytes = prefix
        while bytes.count < RevocationKey.hashLength { bytes.append(UInt8(truncatingIfNeeded: generator.next())) }
        guard let key = RevocationKey(type: type, truncatedHash: bytes) else { fatalError("16 bytes make a key") }
        return key
    }

    /// Entries where about one in `suspendedOneIn` is a suspension ending between 1,000 and 2,000.
    mutating func entries(_ count: Int, suspendedOneIn: UInt64 = 5, type: RevocationHashType? = nil) -> [RevocationEntry] {
        (0..<count).map { _ in
            let key = key(type: type)
            let suspended = generator.next() % suspendedOneIn == 0
            return RevocationEntry(key: key, suspendedUntil: suspended ? Int64(1_000 + generator.next() % 1_000) : nil)
        }
    }

    mutating func below(_ bound: UInt64) -> UInt64 { generator.next() % bound }
}

/// The state the model (a dictionary) expects for `key` at `now`.
func modelState(_ model: [RevocationKey: Int64?], _ key: RevocationKey, now: Int64) -> RevocationState {
    guard let listed = model[key] else { return .active }
    guard let until = listed else { return .revoked }
    return now < until ? .suspended(until: until) : .active
}

/// The model of entries: one state per key, the strongest when a key repeats.
func model(of entries: [RevocationEntry]) -> [RevocationKey: Int64?] {
    var result: [RevocationKey: Int64?] = [:]
    for entry in entries {
        if let existing = result[entry.key] {
            guard let old = existing, let new = entry.suspendedUntil else {
                result[entry.key] = .some(nil)
                continue
            }
            result[entry.key] = .some(max(old, new))
        } else {
            result[entry.key] = .some(entry.suspendedUntil)
        }
    }
    return result
}
