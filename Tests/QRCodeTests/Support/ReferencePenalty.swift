import QRCode

/// An independent, deliberately plain evaluation of the mask penalty of ISO/IEC 18004:2015 7.8.3.1
/// (Table 11) on a complete symbol, module by module, to check the encoder's bit-parallel one:
/// - N1: a run of 5 + i modules of one colour in a row or column scores 3 + i;
/// - N2: every 2×2 block of one colour scores 3;
/// - N3: every 1:1:3:1:1 (dark, light, dark×3, light, dark) sequence in a row or column with 4 light modules
///   before or after it scores 40; positions outside the symbol are light (the quiet zone);
/// - N4: 10 × k, where k is the number of whole 5% steps between the dark share and 50%.
struct ReferencePenalty: Equatable, CustomStringConvertible {
    var n1 = 0
    var n2 = 0
    var n3 = 0
    var n4 = 0
    var total: Int { n1 + n2 + n3 + n4 }
    var description: String { "(\(n1), \(n2), \(n3), \(n4))" }

    init(n1: Int, n2: Int, n3: Int, n4: Int) {
        self.n1 = n1
        self.n2 = n2
        self.n3 = n3
        self.n4 = n4
    }

    init(_ modules: [[Bool]]) {
        let size = modules.count
        let rows = modules
        let columns = (0..<size).map { x in (0..<size).map { y in modules[y][x] } }
        for line in rows + columns {
            // N1
            var runStart = 0
            for index in 1...size where index == size || line[index] != line[runStart] {
                let length = index - runStart
                if length >= 5 { n1 += 3 + (length - 5) }
                runStart = index
            }
            // N3
            func light(_ index: Int) -> Bool { index < 0 || index >= size || !line[index] }
            let pattern = [true, false, true, true, true, false, true]
            for start in 0...(size - 7) where (0..<7).allSatisfy({ line[start + $0] == pattern[$0] }) {
                let before = (1...4).allSatisfy { light(start - $0) }
                let after = (0..<4).allSatisfy { light(start + 7 + $0) }
                if before || after { n3 += 40 }
            }
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let colour = modules[y][x]
                if modules[y][x + 1] == colour && modules[y + 1][x] == colour && modules[y + 1][x + 1] == colour {
                    n2 += 3
                }
            }
        }
        let dark = modules.reduce(0) { $0 + $1.filter { $0 }.count }
        let total = size * size
        // k = floor(|dark% - 50| / 5), in integers: |20 × dark - 10 × total| / total.
        n4 = 10 * (abs(20 * dark - 10 * total) / total)
    }

    init(_ code: QRCode) {
        self.init(code.modules)
    }

    /// N3 counted the way segno's `mask_scores` scans a line: left to right, resuming 7 modules after a
    /// counted occurrence (4 after an uncounted one), so an occurrence that overlaps a counted one (sharing its
    /// last dark module, e.g. right beside a finder pattern) is not counted. Only for comparing with segno.
    static func n3ResumingAfterEachMatch(_ modules: [[Bool]]) -> Int {
        let size = modules.count
        let columns = (0..<size).map { x in (0..<size).map { y in modules[y][x] } }
        let pattern = [true, false, true, true, true, false, true]
        var score = 0
        for line in modules + columns {
            func light(_ index: Int) -> Bool { index < 0 || index >= size || !line[index] }
            var start = 0
            while start <= size - 7 {
                guard (0..<7).allSatisfy({ line[start + $0] == pattern[$0] }) else {
                    start += 1
                    continue
                }
                if (1...4).allSatisfy({ light(start - $0) }) || (0..<4).allSatisfy({ light(start + 7 + $0) }) {
                    score += 40
                    start += 7
                } else {
                    start += 4
                }
            }
        }
        return score
    }
}

extension QRCode {
    /// The modules as rows of booleans (true: dark).
    var modules: [[Bool]] {
        (0..<size).map { y in (0..<size).map { x in self[x: x, y: y] } }
    }

    /// The modules as rows of "0" and "1".
    var matrixLines: [String] {
        (0..<size).map { y in String((0..<size).map { x in self[x: x, y: y] ? "1" : "0" }) }
    }
}
