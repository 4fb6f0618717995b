import NIOCore
import QRCode

/// The uncompressed PNG image data of a symbol: per pixel row a filter byte and the pixels (1 white, 0
/// black at 1 bit; 255 and 0 at 8 bits).
///
/// The first pixel row of each module row has filter 0 (none); the `moduleSize - 1` copies below it have
/// filter 2 (Up), which makes them all zero bytes, so that zlib compresses them to almost nothing.
enum PNGRaster {
    /// Scanlines for a square greyscale image, in a buffer ready for zlib; the caller has checked the sizes.
    static func scanlines(_ code: QRCode, moduleSize: Int, quietZone: Int, bitDepth: PNGBitDepth) -> ByteBuffer {
        let side = (code.size + 2 * quietZone) * moduleSize
        let stride = (bitDepth == .one ? (side + 7) / 8 : side) + 1
        var buffer = ByteBufferAllocator().buffer(capacity: stride * side)
        buffer.writeRepeatingByte(0, count: stride * side)
        let rows = code.packedRows
        let words = code.wordsPerRow
        buffer.withUnsafeMutableReadableBytes { raw in
            let raster = raw.bindMemory(to: UInt8.self)
            rows.withUnsafeBufferPointer { rows in
                var pixelRow = 0
                for moduleRow in -quietZone..<(code.size + quietZone) {
                    let line = UnsafeMutableBufferPointer(rebasing: raster[(pixelRow * stride)..<((pixelRow + 1) * stride)])
                    let modules = moduleRow >= 0 && moduleRow < code.size
                        ? UnsafeBufferPointer(rebasing: rows[(moduleRow * words)..<((moduleRow + 1) * words)])
                        : nil
                    var writer = PixelWriter(line: line, bitDepth: bitDepth)
                    writer.append(light: true, count: quietZone * moduleSize)
                    if let modules {
                        for x in 0..<code.size {
                            let dark = modules[x >> 6] >> UInt64(x & 63) & 1 != 0
                            writer.append(light: !dark, count: moduleSize)
                        }
                    } else {
                        writer.append(light: true, count: code.size * moduleSize)
                    }
                    writer.append(light: true, count: quietZone * moduleSize)
                    writer.finish()
                    // The copies: filter byte 2 (Up) and pixel differences of zero (the buffer starts zeroed).
                    for copy in 1..<moduleSize { raster[(pixelRow + copy) * stride] = 2 }
                    pixelRow += moduleSize
                }
            }
        }
        return buffer
    }
}

/// Appends runs of light or dark pixels to one scanline, after its filter byte (0).
private struct PixelWriter {
    let line: UnsafeMutableBufferPointer<UInt8>
    let bitDepth: PNGBitDepth
    private var index = 1
    private var accumulator: UInt64 = 0
    private var pending = 0

    init(line: UnsafeMutableBufferPointer<UInt8>, bitDepth: PNGBitDepth) {
        self.line = line
        self.bitDepth = bitDepth
    }

    @inline(__always)
    mutating func append(light: Bool, count: Int) {
        guard count > 0 else { return }
        if bitDepth == .eight {
            if light {
                UnsafeMutableBufferPointer(rebasing: line[index..<(index + count)]).update(repeating: 255)
            }
            index += count
            return
        }
        // 1 bit per pixel, most significant bit first.
        let bits: UInt64 = light ? ~0 : 0
        var remaining = count
        while remaining > 0 {
            let take = min(remaining, 32)
            accumulator = accumulator << UInt64(take) | (bits & ((1 << UInt64(take)) - 1))
            pending += take
            remaining -= take
            while pending >= 8 {
                pending -= 8
                line[index] = UInt8(truncatingIfNeeded: accumulator >> UInt64(pending))
                index += 1
            }
        }
    }

    /// Writes a last partial byte (its padding bits 0).
    mutating func finish() {
        if bitDepth == .one && pending > 0 {
            line[index] = UInt8(truncatingIfNeeded: accumulator << UInt64(8 - pending))
        }
    }
}
