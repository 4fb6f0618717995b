import QRCode

extension QRRenderer {
    /// Text with UTF-8 half blocks (`▀ ▄ █` and space): two module rows per line, one module per column,
    /// every line ending in `\n`.
    ///
    /// By default the glyphs paint the **light** modules, for the usual terminal with light text on a dark
    /// background: the background shows through as the dark modules. Pass `inverted: true` for a terminal
    /// with dark text on a light background (the glyphs then paint the dark modules). When the number of rows
    /// is odd, the lower half of the last line is left as background.
    public static func terminal(_ code: QRCode, quietZone: Int = 4, inverted: Bool = false) -> String {
        let quiet = clampedQuietZone(quietZone)
        let side = code.size + 2 * quiet
        let words = code.wordsPerRow
        var out = TextBuffer(capacity: (side + 1) / 2 * (side * 3 + 1))
        code.packedRows.withUnsafeBufferPointer { rows in
            // Whether the cell half for module (x, y) of the padded symbol is painted with the glyph colour.
            func painted(_ x: Int, _ y: Int) -> Bool {
                guard y < side else { return false }
                let column = x - quiet
                let row = y - quiet
                guard column >= 0, row >= 0, column < code.size, row < code.size else { return !inverted }
                let dark = rows[row * words + column >> 6] >> UInt64(column & 63) & 1 != 0
                return dark == inverted
            }
            var y = 0
            while y < side {
                for x in 0..<side {
                    switch (painted(x, y), painted(x, y + 1)) {
                    case (true, true): out.append("\u{2588}")  // █ full block
                    case (true, false): out.append("\u{2580}")  // ▀ upper half block
                    case (false, true): out.append("\u{2584}")  // ▄ lower half block
                    case (false, false): out.append(byte: 0x20)
                    }
                }
                out.append(byte: 0x0A)
                y += 2
            }
        }
        return out.string
    }
}
