import QRCode

/// The benchmark payloads: a 600-character `HC1:` text (Base45 uses exactly the 45 alphanumeric-mode
/// characters) at level Q, and a `shc:/` text with 1,100 digits (pairs 00-77, as SMART Health Cards encode
/// JWS characters) at level L. Generated from a fixed seed so every run uses the same data.
struct Payload {
    let name: String
    let text: String
    let level: QRCode.ErrorCorrection

    /// The level as libqrencode's index (0 L, 1 M, 2 Q, 3 H).
    var levelIndex: Int { QRCode.ErrorCorrection.allCases.firstIndex(of: level) ?? 0 }

    static func all() -> [Payload] {
        var random = SplitMix64(seed: 0x5152_4245_4E43_48)
        let base45 = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)
        let hc1 = "HC1:" + String(decoding: (0..<596).map { _ in base45[Int(random.next() % 45)] }, as: UTF8.self)
        var digits: [UInt8] = []
        for _ in 0..<550 {
            let pair = Int(random.next() % 78)
            digits += [UInt8(0x30 + pair / 10), UInt8(0x30 + pair % 10)]
        }
        let shc = "shc:/" + String(decoding: digits, as: UTF8.self)
        return [
            Payload(name: "HC1: 600 characters", text: hc1, level: .quartile),
            Payload(name: "shc:/ + 1,100 digits", text: shc, level: .low),
        ]
    }
}

/// SplitMix64, for repeatable payloads.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
