import QRCode
import TestSupport

/// Seeded random payloads of every kind the encoder must handle.
enum PayloadKind: String, CaseIterable, Sendable {
    case numeric, alphanumeric, asciiText, mixed, utf8Text, shc, hc1, binary
}

struct Payload: Sendable, CustomStringConvertible {
    let kind: PayloadKind
    let bytes: [UInt8]
    let level: QRCode.ErrorCorrection
    var description: String { "\(kind) \(bytes.count) bytes at \(level.rawValue)" }
    /// Whether decoders can be expected to return the bytes as text (valid UTF-8, no control characters).
    var isText: Bool { kind != .binary }
    var text: String { String(decoding: bytes, as: UTF8.self) }
}

enum Payloads {
    static let digits = Array("0123456789".utf8)
    static let alphanumeric = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)
    static let printable = Array((0x20...0x7E).map { UInt8($0) })
    static let lowercase = Array("abcdefghijklmnopqrstuvwxyz".utf8)
    /// Multi-byte characters: Latin-1 range, Greek, Cyrillic, the euro sign and an emoji.
    static let nonASCII = ["é", "ü", "ß", "Ω", "Ж", "€", "😀", "ñ", "ø", "Å"].map { Array($0.utf8) }

    /// Version 40 byte capacities at L, M, Q, H.
    static func byteCapacity(_ level: QRCode.ErrorCorrection) -> Int {
        [2953, 2331, 1663, 1273][QRCode.ErrorCorrection.allCases.firstIndex(of: level) ?? 0]
    }

    /// A payload of `kind` of about `length` bytes (never past the version 40 capacity at `level`).
    static func make(
        _ kind: PayloadKind, length: Int, level: QRCode.ErrorCorrection, using random: inout SeededGenerator
    ) -> Payload {
        func pick(_ set: [UInt8]) -> UInt8 { set[Int(random.next() % UInt64(set.count))] }
        let capacity = byteCapacity(level)
        var bytes: [UInt8] = []
        switch kind {
        case .numeric:
            bytes = (0..<length).map { _ in pick(digits) }
        case .alphanumeric:
            bytes = (0..<length).map { _ in pick(alphanumeric) }
        case .asciiText:
            bytes = (0..<min(length, capacity)).map { _ in pick(printable) }
        case .mixed:
            // Runs of digits, alphanumeric characters and lower-case text.
            while bytes.count < min(length, capacity) {
                let run = 1 + Int(random.next() % 24)
                let set = [digits, alphanumeric, lowercase, printable][Int(random.next() % 4)]
                bytes += (0..<run).map { _ in pick(set) }
            }
            bytes = Array(bytes.prefix(min(length, capacity)))
        case .utf8Text:
            while bytes.count < min(length, capacity) - 4 {
                if random.next() % 4 == 0 {
                    bytes += nonASCII[Int(random.next() % UInt64(nonASCII.count))]
                } else {
                    bytes.append(pick(lowercase + [0x20, 0x2C, 0x2E]))
                }
            }
        case .shc:
            bytes = Array("shc:/".utf8)
            while bytes.count < length {
                let pair = Int(random.next() % 78)
                bytes += [UInt8(0x30 + pair / 10), UInt8(0x30 + pair % 10)]
            }
        case .hc1:
            bytes = Array("HC1:".utf8) + (0..<max(0, length - 4)).map { _ in pick(alphanumeric) }
        case .binary:
            bytes = (0..<min(length, capacity)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        }
        return Payload(kind: kind, bytes: bytes, level: level)
    }

    /// The largest character count of a single-mode payload of `kind` at `level` (version 40).
    static func maximumLength(_ kind: PayloadKind, level: QRCode.ErrorCorrection) -> Int {
        let index = QRCode.ErrorCorrection.allCases.firstIndex(of: level) ?? 0
        switch kind {
        case .numeric: return [7089, 5596, 3993, 3057][index]
        // The `shc:/` prefix costs a byte segment: leave room for it.
        case .shc: return [7089, 5596, 3993, 3057][index] - 20
        case .alphanumeric, .hc1: return [4296, 3391, 2420, 1852][index]
        default: return byteCapacity(level)
        }
    }

    /// `count` payloads spread over all kinds and levels, with lengths from 1 to the version 40 capacity
    /// (a quarter of them long: above half the capacity).
    static func spread(count: Int, seed: UInt64) -> [Payload] {
        var random = SeededGenerator(seed: seed)
        var payloads: [Payload] = []
        let kinds = PayloadKind.allCases
        let levels = QRCode.ErrorCorrection.allCases
        for index in 0..<count {
            let kind = kinds[index % kinds.count]
            let level = levels[(index / kinds.count) % levels.count]
            let maximum = maximumLength(kind, level: level)
            let length: Int
            switch random.next() % 4 {
            case 0: length = maximum / 2 + Int(random.next() % UInt64(maximum - maximum / 2))
            case 1: length = 1 + Int(random.next() % 40)
            default: length = 1 + Int(random.next() % UInt64(maximum / 2))
            }
            payloads.append(make(kind, length: length, level: level, using: &random))
        }
        return payloads
    }
}
