import Revocation

/// The baseline's key: the type code and the 16 hash bytes as plain integers, hashed by the standard library's
/// `Hasher`. A `Set` of these is what a verifier would get without ``RevocationSnapshot``'s tables.
struct RawRevocationKey: Hashable {
    let code: UInt8
    let high: UInt64
    let low: UInt64

    /// The same type and hash bytes as `key`.
    init(_ key: RevocationKey) {
        let hash = key.hash
        var high: UInt64 = 0
        var low: UInt64 = 0
        for index in 0..<8 {
            high = high << 8 | UInt64(hash[index])
            low = low << 8 | UInt64(hash[index + 8])
        }
        self.code = key.type.code
        self.high = high
        self.low = low
    }
}
