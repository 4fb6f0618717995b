import QRCode

/// Renders a ``QRCode/QRCode`` as SVG, PNG, terminal text or a plain 0/1 matrix.
///
/// Every form except ``matrix(_:)`` surrounds the symbol with a light quiet zone, 4 modules by default (the
/// width ISO/IEC 18004 requires). Dark modules are black (`#000`), light ones white.
///
/// The text forms do not throw: `moduleSize` is clamped to 1...``maximumModuleSize`` and `quietZone` to
/// 0...``maximumQuietZone``.
public enum QRRenderer {
    /// The widest quiet zone the text renderers draw, in modules.
    public static let maximumQuietZone = 100
    /// The largest module size (pixels per module) ``svg(_:moduleSize:quietZone:)`` writes.
    public static let maximumModuleSize = 1000

    /// One line per module row, `1` for dark and `0` for light, each line ending in `\n`; no quiet zone.
    public static func matrix(_ code: QRCode) -> String {
        var out = TextBuffer(capacity: code.size * (code.size + 1))
        let words = code.wordsPerRow
        code.packedRows.withUnsafeBufferPointer { rows in
            for y in 0..<code.size {
                for x in 0..<code.size {
                    out.append(byte: rows[y * words + x >> 6] >> UInt64(x & 63) & 1 != 0 ? 0x31 : 0x30)
                }
                out.append(byte: 0x0A)
            }
        }
        return out.string
    }

    static func clampedQuietZone(_ quietZone: Int) -> Int {
        min(max(0, quietZone), maximumQuietZone)
    }
}
