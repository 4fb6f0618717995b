import QRCode

extension QRRenderer {
    /// An SVG document: one white background `<rect>` and one `<path>` holding every dark module, with
    /// `shape-rendering="crispEdges"`. The `viewBox` is in modules (`0 0 n n` with n = size + 2 × quietZone);
    /// `width` and `height` are n × moduleSize (pixels).
    public static func svg(_ code: QRCode, moduleSize: Int = 4, quietZone: Int = 4) -> String {
        let quiet = clampedQuietZone(quietZone)
        let side = code.size + 2 * quiet
        let pixels = side * min(max(1, moduleSize), maximumModuleSize)
        var out = TextBuffer(capacity: 256 + code.size * code.size)
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"")
        out.append(pixels)
        out.append("\" height=\"")
        out.append(pixels)
        out.append("\" viewBox=\"0 0 ")
        out.append(side)
        out.append(byte: 0x20)
        out.append(side)
        out.append("\" shape-rendering=\"crispEdges\"><rect width=\"")
        out.append(side)
        out.append("\" height=\"")
        out.append(side)
        out.append("\" fill=\"#fff\"/><path fill=\"#000\" d=\"")
        // One closed rectangle per horizontal run of dark modules: M x y h length v1 h -length z.
        let words = code.wordsPerRow
        code.packedRows.withUnsafeBufferPointer { rows in
            for y in 0..<code.size {
                let row = UnsafeBufferPointer(rebasing: rows[(y * words)..<((y + 1) * words)])
                func dark(_ x: Int) -> Bool { row[x >> 6] >> UInt64(x & 63) & 1 != 0 }
                var x = 0
                while x < code.size {
                    guard dark(x) else {
                        x += 1
                        continue
                    }
                    let start = x
                    while x < code.size && dark(x) { x += 1 }
                    out.append(byte: 0x4D)  // M
                    out.append(start + quiet)
                    out.append(byte: 0x20)
                    out.append(y + quiet)
                    out.append(byte: 0x68)  // h
                    out.append(x - start)
                    out.append("v1h-")
                    out.append(x - start)
                    out.append(byte: 0x7A)  // z
                }
            }
        }
        out.append("\"/></svg>\n")
        return out.string
    }
}
