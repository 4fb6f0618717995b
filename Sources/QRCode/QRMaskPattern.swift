/// The eight data mask patterns of ISO/IEC 18004 7.8.2 as packed bit lines.
///
/// Every pattern repeats every 12 rows and every 12 columns, so 12 lines of 192 bits per mask cover every
/// version: `rows` line r has bit x set where the mask inverts module (x, y) for y ≡ r (mod 12), and
/// `columns` line r has bit y set where it inverts (x, y) for x ≡ r (mod 12).
enum QRMaskPattern {
    /// Words per pattern line (192 bits, more than the 177 modules of version 40).
    static let lineWords = 3

    /// Whether mask `mask` inverts the module in row `i`, column `j`.
    static func inverts(mask: Int, row i: Int, column j: Int) -> Bool {
        switch mask {
        case 0: (i + j) % 2 == 0
        case 1: i % 2 == 0
        case 2: j % 3 == 0
        case 3: (i + j) % 3 == 0
        case 4: (i / 2 + j / 3) % 2 == 0
        case 5: (i * j) % 2 + (i * j) % 3 == 0
        case 6: ((i * j) % 2 + (i * j) % 3) % 2 == 0
        default: ((i + j) % 2 + (i * j) % 3) % 2 == 0
        }
    }

    /// Row lines: index `(mask * 12 + y % 12) * 3 + word`.
    static let rows: [UInt64] = table(transposed: false)
    /// Column lines: index `(mask * 12 + x % 12) * 3 + word`.
    static let columns: [UInt64] = table(transposed: true)

    private static func table(transposed: Bool) -> [UInt64] {
        var table = [UInt64](repeating: 0, count: 8 * 12 * lineWords)
        for mask in 0..<8 {
            for residue in 0..<12 {
                for position in 0..<(64 * lineWords) {
                    let inverted = transposed
                        ? inverts(mask: mask, row: position, column: residue)
                        : inverts(mask: mask, row: residue, column: position)
                    if inverted {
                        table[(mask * 12 + residue) * lineWords + position / 64] |= 1 << UInt64(position % 64)
                    }
                }
            }
        }
        return table
    }
}
