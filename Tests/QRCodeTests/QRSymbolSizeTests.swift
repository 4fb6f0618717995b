import QRCode
import TestSupport
import Testing

/// The encoder never needs a larger version than segno (automatic mode, `boost_error=False`, no Micro QR) for
/// the same bytes at the same level.
@Suite("Symbol size compared with segno")
struct QRSymbolSizeTests {
    @Test func versionIsNeverLargerThanSegnos() throws {
        var payloads = Payloads.spread(count: 160, seed: 0x517E)
        // Mode switches matter most where segno has to pick one mode for everything.
        var random = SeededGenerator(seed: 0x5E9)
        for level in QRCode.ErrorCorrection.allCases {
            for length in [30, 300, 900] {
                payloads.append(Payloads.make(.shc, length: length, level: level, using: &random))
                payloads.append(Payloads.make(.mixed, length: length, level: level, using: &random))
            }
        }
        let request = payloads.map { ["data_hex": Hex.encode($0.bytes), "level": $0.level.rawValue] }
        let answer = try #require(try PythonInterop.call("segno-version", ["cases": request]) as? [[String: Any]])
        try #require(answer.count == payloads.count)
        var smaller = 0
        for (payload, segno) in zip(payloads, answer) {
            #expect(segno["error"] as? String == payload.level.rawValue)
            let code = try QRCode(encoding: payload.bytes, options: .init(errorCorrection: payload.level))
            // segno, with one mode for all the data, finds no version for some long mixed payloads.
            let segnoVersion = segno["version"] as? Int ?? 41
            #expect(code.version <= segnoVersion, "\(payload): \(code.version) > segno's \(segnoVersion)")
            if code.version < segnoVersion { smaller += 1 }
        }
        // Mixed segmentation gives strictly smaller symbols for a good share of the mixed payloads.
        #expect(smaller >= 10)
    }
}
