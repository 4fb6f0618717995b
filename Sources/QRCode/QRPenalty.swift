/// The penalty score of ISO/IEC 18004 7.8.3.1 (Table 11), evaluated on the complete symbol, bit-parallel
/// over packed lines.
///
/// - N1: each run of 5 + i modules of one colour in a row or column scores 3 + i.
/// - N2: each 2×2 block of one colour scores 3 (overlapping blocks count separately).
/// - N3: each dark-light-dark-dark-dark-light-dark (1:1:3:1:1) sequence in a row or column with 4 light
///   modules before or after it scores 40; modules outside the symbol count as light (the quiet zone).
/// - N4: 10 for every full 5% by which the share of dark modules deviates from 50%.
///
/// Runs along a line direction are found for all lines of a word at once: `lines` holds packed lines
/// (the rows, for vertical features, or the transposed columns, for horizontal ones), with four light
/// padding lines before and after, so that the N3 look-around needs no bounds checks.
enum QRPenalty {
    /// Padding lines before and after the symbol's lines in the buffers given to ``score``.
    static let padding = 4

    /// The total penalty of a symbol given as padded row lines and padded column lines.
    static func score(
        rows: UnsafeBufferPointer<UInt64>, columns: UnsafeBufferPointer<UInt64>, size: Int, words: Int
    ) -> Int {
        runsAndFinders(rows, size: size, words: words) + runsAndFinders(columns, size: size, words: words)
            + blocks(rows, size: size, words: words) + balance(rows, size: size, words: words)
    }

    /// Bits of word `word` that hold modules 0..<limit.
    @inline(__always)
    static func validBits(word: Int, limit: Int) -> UInt64 {
        let low = word * 64
        if limit >= low + 64 { return ~0 }
        if limit <= low { return 0 }
        return (1 << UInt64(limit - low)) - 1
    }

    /// N1 and N3 along the line direction.
    static func runsAndFinders(_ lines: UnsafeBufferPointer<UInt64>, size: Int, words: Int) -> Int {
        var windows = 0
        var runs = 0
        var finders = 0
        for word in 0..<words {
            let valid = validBits(word: word, limit: size)
            let base = padding * words + word
            @inline(__always) func line(_ index: Int) -> UInt64 { lines[base + index * words] }
            // N1: a window of 5 equal modules starting at line p. A run of length L ≥ 5 has L - 4 windows and
            // one start (a window whose predecessor is not a window), and scores L - 2 = windows + 2 × starts.
            var previous: UInt64 = 0
            var d0 = line(0) ^ line(1)
            var d1 = line(1) ^ line(2)
            var d2 = line(2) ^ line(3)
            for p in 0...(size - 5) {
                let d3 = line(p + 3) ^ line(p + 4)
                let window = ~(d0 | d1 | d2 | d3) & valid
                windows += window.nonzeroBitCount
                runs += (window & ~previous).nonzeroBitCount
                previous = window
                d0 = d1
                d1 = d2
                d2 = d3
            }
            // N3: 1011101 starting at line p, with 4 light lines before or after it.
            for p in 0...(size - 7) {
                let pattern = line(p) & ~line(p + 1) & line(p + 2) & line(p + 3) & line(p + 4) & ~line(p + 5)
                    & line(p + 6)
                if pattern == 0 { continue }
                let lightBefore = ~(line(p - 4) | line(p - 3) | line(p - 2) | line(p - 1))
                let lightAfter = ~(line(p + 7) | line(p + 8) | line(p + 9) | line(p + 10))
                finders += (pattern & (lightBefore | lightAfter)).nonzeroBitCount
            }
        }
        return windows + 2 * runs + 40 * finders
    }

    /// N2 on row lines: modules x and x + 1 of rows y and y + 1 all equal.
    static func blocks(_ rows: UnsafeBufferPointer<UInt64>, size: Int, words: Int) -> Int {
        var count = 0
        for y in 0..<(size - 1) {
            let top = (padding + y) * words
            let bottom = top + words
            for word in 0..<words {
                let a = rows[top + word]
                let b = rows[bottom + word]
                let nextA = word + 1 < words ? rows[top + word + 1] : 0
                let nextB = word + 1 < words ? rows[bottom + word + 1] : 0
                let a1 = a >> 1 | nextA << 63
                let b1 = b >> 1 | nextB << 63
                let same = ~(a ^ b) & ~(a1 ^ b1) & ~(a ^ a1) & validBits(word: word, limit: size - 1)
                count += same.nonzeroBitCount
            }
        }
        return 3 * count
    }

    /// N4 on row lines.
    static func balance(_ rows: UnsafeBufferPointer<UInt64>, size: Int, words: Int) -> Int {
        var dark = 0
        for index in (padding * words)..<((padding + size) * words) {
            dark += rows[index].nonzeroBitCount
        }
        let total = size * size
        return 10 * (abs(dark * 20 - total * 10) / total)
    }
}
