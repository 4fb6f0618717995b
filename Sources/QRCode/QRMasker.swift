/// Applies a data mask and the matching format information to a built matrix; when no mask is forced,
/// evaluates all eight and keeps the first with the lowest penalty score (ISO/IEC 18004 7.8).
enum QRMasker {
    /// The chosen mask and the final row-major packed modules.
    static func apply(
        _ builder: QRMatrixBuilder, level: QRCode.ErrorCorrection, forcedMask: Int?
    ) -> (mask: Int, rows: [UInt64]) {
        let size = builder.size
        let words = builder.words
        let padding = QRPenalty.padding
        let lineCount = (size + 2 * padding) * words
        var rows = [UInt64](repeating: 0, count: lineCount)
        var columns = [UInt64](repeating: 0, count: lineCount)
        var bestRows = rows
        var bestMask = 0
        var bestScore = Int.max
        let masks = forcedMask.map { $0...$0 } ?? 0...7
        for mask in masks {
            render(builder, level: level, mask: mask, rows: &rows, columns: &columns, withColumns: forcedMask == nil)
            if forcedMask != nil {
                bestMask = mask
                swap(&rows, &bestRows)
                break
            }
            let score = rows.withUnsafeBufferPointer { rows in
                columns.withUnsafeBufferPointer { columns in
                    QRPenalty.score(rows: rows, columns: columns, size: size, words: words)
                }
            }
            if score < bestScore {
                bestScore = score
                bestMask = mask
                swap(&rows, &bestRows)
            }
        }
        return (bestMask, Array(bestRows[(padding * words)..<((padding + size) * words)]))
    }

    /// Fills padded row lines (and, when given, padded column lines) with the masked symbol including its
    /// format information.
    private static func render(
        _ builder: QRMatrixBuilder, level: QRCode.ErrorCorrection, mask: Int, rows: inout [UInt64],
        columns: inout [UInt64], withColumns: Bool
    ) {
        let size = builder.size
        let words = builder.words
        let offset = QRPenalty.padding * words
        QRMaskPattern.rows.withUnsafeBufferPointer { pattern in
            builder.modules.withUnsafeBufferPointer { modules in
                builder.function.withUnsafeBufferPointer { function in
                    rows.withUnsafeMutableBufferPointer { rows in
                        maskLines(
                            modules: modules, function: function, pattern: pattern, mask: mask, size: size,
                            words: words, into: UnsafeMutableBufferPointer(rebasing: rows[offset...]))
                    }
                }
            }
        }
        let format = QRFormatInformation.formatBits(level: level, mask: mask)
        for bit in 0..<15 where (format >> bit) & 1 != 0 {
            let first = QRFormatInformation.firstCopyPosition(bit: bit)
            let second = QRFormatInformation.secondCopyPosition(bit: bit, size: size)
            rows[offset + first.y * words + first.x >> 6] |= 1 << UInt64(first.x & 63)
            rows[offset + second.y * words + second.x >> 6] |= 1 << UInt64(second.x & 63)
        }
        guard withColumns else { return }
        QRMaskPattern.columns.withUnsafeBufferPointer { pattern in
            builder.modulesTransposed.withUnsafeBufferPointer { modules in
                builder.functionTransposed.withUnsafeBufferPointer { function in
                    columns.withUnsafeMutableBufferPointer { columns in
                        maskLines(
                            modules: modules, function: function, pattern: pattern, mask: mask, size: size,
                            words: words, into: UnsafeMutableBufferPointer(rebasing: columns[offset...]))
                    }
                }
            }
        }
        for bit in 0..<15 where (format >> bit) & 1 != 0 {
            let first = QRFormatInformation.firstCopyPosition(bit: bit)
            let second = QRFormatInformation.secondCopyPosition(bit: bit, size: size)
            columns[offset + first.x * words + first.y >> 6] |= 1 << UInt64(first.y & 63)
            columns[offset + second.x * words + second.y >> 6] |= 1 << UInt64(second.y & 63)
        }
    }

    /// line = modules XOR (pattern AND NOT function), for `size` lines.
    @inline(__always)
    private static func maskLines(
        modules: UnsafeBufferPointer<UInt64>, function: UnsafeBufferPointer<UInt64>,
        pattern: UnsafeBufferPointer<UInt64>, mask: Int, size: Int, words: Int,
        into lines: UnsafeMutableBufferPointer<UInt64>
    ) {
        let lineWords = QRMaskPattern.lineWords
        for line in 0..<size {
            let patternBase = (mask * 12 + line % 12) * lineWords
            for word in 0..<words {
                let index = line * words + word
                let valid = QRPenalty.validBits(word: word, limit: size)
                lines[index] = modules[index] ^ (pattern[patternBase + word] & ~function[index] & valid)
            }
        }
    }
}
