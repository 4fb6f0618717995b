// libFuzzer entry point for the QR code encoder.
//
// Build and run (see Fuzz/README.md):
//   swift build --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product FuzzQR
//   .build/debug/FuzzQR corpus/ -max_total_time=60 -max_len=8000
//
// The first input byte picks the error correction level (bits 0-1), whether a mask is forced (bit 2) and
// which (bits 3-5); the rest is the payload. Properties checked on every input:
//   1. encoding returns a symbol or throws QR_DATA_TOO_LONG (only for payloads longer than the version-40
//      byte capacity at that level), never crashes;
//   2. the symbol has the three finder patterns with light separators, both timing patterns and the dark
//      module; both copies of the format information decode (BCH) to the level and mask used; for version 7
//      and up both copies of the version information decode to the version;
//   3. encoding again with that version and mask forced gives the same symbol.
import QRCode

/// Version 40 byte capacities at L, M, Q, H (ISO/IEC 18004 Table 7).
private let byteCapacity = [2953, 2331, 1663, 1273]
private let levels: [QRCode.ErrorCorrection] = [.low, .medium, .quartile, .high]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let control = data[0]
    let levelIndex = Int(control & 3)
    let level = levels[levelIndex]
    let forcedMask = control & 4 != 0 ? Int(control >> 3 & 7) : nil
    let payload = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let code: QRCode
    do {
        code = try QRCode(encoding: payload, options: .init(errorCorrection: level, forcedMask: forcedMask))
    } catch {
        guard error.code == "QR_DATA_TOO_LONG", payload.count > byteCapacity[levelIndex] else {
            fatalError("unexpected \(error.code) for \(payload.count) bytes at level \(level.rawValue)")
        }
        return 0
    }
    guard (1...40).contains(code.version), code.size == 17 + 4 * code.version, code.errorCorrection == level else {
        fatalError("bad version or level")
    }
    if let forcedMask, code.mask != forcedMask { fatalError("forced mask ignored") }
    checkFunctionPatterns(code)
    checkFormatInformation(code)
    checkVersionInformation(code)
    do {
        let again = try QRCode(
            encoding: payload,
            options: .init(errorCorrection: level, forcedVersion: code.version, forcedMask: code.mask))
        guard again == code else { fatalError("re-encoding with the same version and mask differs") }
    } catch {
        fatalError("re-encoding with the chosen version failed: \(error)")
    }
    return 0
}

private func checkFunctionPatterns(_ code: QRCode) {
    let size = code.size
    for (left, top) in [(0, 0), (size - 7, 0), (0, size - 7)] {
        for dy in -1...7 {
            for dx in -1...7 {
                let x = left + dx
                let y = top + dy
                guard x >= 0, y >= 0, x < size, y < size else { continue }
                let ring = max(abs(dx * 2 - 6), abs(dy * 2 - 6)) / 2  // 0 centre ... 3 outer ring, 4 separator
                let dark = ring != 2 && ring != 4
                if code[x: x, y: y] != dark { fatalError("finder pattern broken at (\(x), \(y))") }
            }
        }
    }
    for index in 8..<(size - 8) {
        if code[x: index, y: 6] != (index % 2 == 0) || code[x: 6, y: index] != (index % 2 == 0) {
            fatalError("timing pattern broken at \(index)")
        }
    }
    if !code[x: 8, y: size - 8] { fatalError("dark module missing") }
}

/// BCH(15,5) check: a valid format word is a multiple of the generator 0x537.
private func formatRemainder(_ value: Int) -> Int {
    var remainder = value
    for bit in stride(from: 14, through: 10, by: -1) where remainder >> bit & 1 != 0 {
        remainder ^= 0x537 << (bit - 10)
    }
    return remainder
}

private func checkFormatInformation(_ code: QRCode) {
    let size = code.size
    // Copy 1: bits 14...9 along row 8 (x 0-5), then (7,8), (8,8), (8,7), then column 8 upwards (y 5-0).
    let first: [(Int, Int)] = [(0, 8), (1, 8), (2, 8), (3, 8), (4, 8), (5, 8), (7, 8), (8, 8), (8, 7),
                               (8, 5), (8, 4), (8, 3), (8, 2), (8, 1), (8, 0)]
    // Copy 2: bits 14...8 down column 8 from the bottom-left finder, bits 7...0 along row 8 at the right.
    var second: [(Int, Int)] = (0..<7).map { (8, size - 1 - $0) }
    second += (0..<8).map { (size - 8 + $0, 8) }
    for positions in [first, second] {
        var word = 0
        for (x, y) in positions { word = word << 1 | (code[x: x, y: y] ? 1 : 0) }
        word ^= 0x5412
        guard formatRemainder(word) == 0 else { fatalError("format information is not a BCH code word") }
        let levelBits = word >> 13
        let mask = word >> 10 & 7
        let expected = [1, 0, 3, 2][levels.firstIndex(of: code.errorCorrection) ?? 0]
        guard levelBits == expected, mask == code.mask else { fatalError("format information mismatch") }
    }
}

private func checkVersionInformation(_ code: QRCode) {
    let size = code.size
    guard code.version >= 7 else { return }
    var wordA = 0
    var wordB = 0
    for bit in stride(from: 17, through: 0, by: -1) {
        let a = size - 11 + bit % 3
        let b = bit / 3
        wordA = wordA << 1 | (code[x: a, y: b] ? 1 : 0)
        wordB = wordB << 1 | (code[x: b, y: a] ? 1 : 0)
    }
    for word in [wordA, wordB] {
        var remainder = word
        for bit in stride(from: 17, through: 12, by: -1) where remainder >> bit & 1 != 0 {
            remainder ^= 0x1F25 << (bit - 12)
        }
        guard remainder == 0, word >> 12 == code.version else { fatalError("version information mismatch") }
    }
}
