import Revocation

/// A deterministic stream of revocation entries with a realistic mix of hash types, each key computed through
/// ``RevocationHashes`` from synthetic but well-formed inputs (so the keys are real truncated SHA-256 values).
///
/// Entry `i` depends on `i` only: indices `0..<count` are the listed entries, and any index at or above `count`
/// gives a key that is not listed (a miss), without ever building a set of known keys.
///
/// The mix, per 1,000 entries: 300 EU DCC `UCI`, 300 `COUNTRYCODEUCI`, 300 `SIGNATURE` (EU gateway lists carry
/// one or more of these per revoked certificate), 60 SMART Health Cards `rid`s, 39 OpenDVC certificate
/// identifiers and 1 recalled lot. One entry in 100 is a suspension rather than a revocation; half of those
/// have already ended at ``now``.
struct RevocationWorkload {
    /// The lookup time: 2026-01-01T00:00:00Z in milliseconds.
    static let now: Int64 = 1_767_225_600_000

    static let countries = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    ]
    /// Base-32 digits of certificate identifiers (RFC 4648 upper case).
    static let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
    /// Base64url digits of SMART Health Cards `kid`s and `rid`s.
    static let urlDigits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// The seed that separates this workload's values from other uses of the same index.
    let seed: UInt64 = 0x5452_5553_5442_454E

    /// The type of entry `index`, from the mix above.
    func type(_ index: Int) -> RevocationHashType {
        switch SplitMix64.mix(seed ^ UInt64(index)) % 1_000 {
        case 0..<300: return .uci
        case 300..<600: return .countryCodeUCI
        case 600..<900: return .signature
        case 900..<960: return .shcRID
        case 960..<999: return .certificate
        default: return .lot
        }
    }

    /// Entry `index`: its key, and a suspension end for one entry in 100.
    func entry(_ index: Int) -> RevocationEntry {
        var random = SplitMix64(seed: SplitMix64.mix(seed &+ UInt64(index)))
        let key = key(index, type: type(index), random: &random)
        let draw = random.next()
        guard draw % 100 == 0 else { return RevocationEntry(key: key) }
        // Ends spread over 30 days either side of `now`.
        let offset = Int64((draw >> 8) % 5_184_000_000) - 2_592_000_000
        return RevocationEntry(key: key, suspendedUntil: Self.now + offset)
    }

    private func key(_ index: Int, type: RevocationHashType, random: inout SplitMix64) -> RevocationKey {
        let country = Self.countries[Int(random.next() % UInt64(Self.countries.count))]
        switch type {
        case .uci:
            return RevocationHashes.uci(uci(country: country, random: &random))
        case .countryCodeUCI:
            return RevocationHashes.countryCodeUCI(country: country, uci: uci(country: country, random: &random))
        case .signature:
            // An ES256 signature r || s (64 bytes).
            var signature: [UInt8] = []
            signature.reserveCapacity(64)
            for _ in 0..<8 { withUnsafeBytes(of: random.next()) { signature.append(contentsOf: $0) } }
            return RevocationHashes.signature(coseSignature: signature, algorithm: .ecdsa)
        case .shcRID:
            let issuer = "https://health.issuer\(random.next() % 200).example/shc"
            return RevocationHashes.shcRID(
                issuer: issuer, kid: text(43, Self.urlDigits, &random), rid: text(16, Self.urlDigits, &random))
        case .lot:
            let gtin = "0952123" + String(1_000_000 + random.next() % 9_000_000)
            return RevocationHashes.lot(gtin: gtin, lot: "L" + text(7, Self.digits, &random))
        case .certificate:
            return RevocationHashes.certificate(identifier: "dvc:" + text(26, Self.digits, &random))
        }
    }

    /// A UVCI in the EU form `URN:UVCI:01:CC:<26 characters>#<check character>`.
    private func uci(country: String, random: inout SplitMix64) -> String {
        "URN:UVCI:01:\(country):" + text(26, Self.digits, &random) + "#" + text(1, Self.digits, &random)
    }

    /// `length` characters from `alphabet` (at most 64 letters), five or six bits per character.
    private func text(_ length: Int, _ alphabet: [UInt8], _ random: inout SplitMix64) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(length)
        var bits = random.next()
        var available = 64
        for _ in 0..<length {
            if available < 6 {
                bits = random.next()
                available = 64
            }
            bytes.append(alphabet[Int(bits % UInt64(alphabet.count))])
            bits >>= 6
            available -= 6
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
