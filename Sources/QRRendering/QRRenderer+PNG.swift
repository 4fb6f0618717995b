import QRCode

extension QRRenderer {
    /// The largest PNG side in pixels that ``png(_:moduleSize:quietZone:bitDepth:)`` writes.
    public static let maximumPNGSide = 8192

    /// A greyscale PNG (IHDR, one IDAT compressed with zlib, IEND, each with its CRC-32): black dark modules,
    /// white light modules and quiet zone, `moduleSize` pixels per module.
    ///
    /// - Throws: ``QRRenderingError`` `QR_RENDER_INVALID_OPTION` for a module size below 1, a negative quiet zone
    ///   or an image wider than ``maximumPNGSide``; `QR_RENDER_COMPRESSION_FAILED` if zlib fails.
    public static func png(
        _ code: QRCode, moduleSize: Int = 4, quietZone: Int = 4, bitDepth: PNGBitDepth = .one
    ) throws(QRRenderingError) -> [UInt8] {
        guard moduleSize >= 1, quietZone >= 0 else {
            throw QRRenderingError(
                .invalidOption,
                "expected a module size of at least 1 and a quiet zone of at least 0, found \(moduleSize) and \(quietZone)")
        }
        let modules = code.size + 2 * quietZone
        guard quietZone <= maximumPNGSide, moduleSize <= maximumPNGSide, modules * moduleSize <= maximumPNGSide else {
            throw QRRenderingError(
                .invalidOption,
                "expected an image of at most \(maximumPNGSide) pixels per side, found \(modules) modules of \(moduleSize) pixels")
        }
        let side = modules * moduleSize
        let raster = PNGRaster.scanlines(code, moduleSize: moduleSize, quietZone: quietZone, bitDepth: bitDepth)
        let compressed = try PNGCompressor.compress(raster)
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png.reserveCapacity(png.count + compressed.count + 57)
        var header: [UInt8] = []
        appendBigEndian(UInt32(side), to: &header)
        appendBigEndian(UInt32(side), to: &header)
        // Bit depth, colour type 0 (greyscale), compression 0, filter method 0, no interlace.
        header += [UInt8(bitDepth.rawValue), 0, 0, 0, 0]
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", compressed, to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        appendBigEndian(UInt32(data.count), to: &png)
        let start = png.count
        png += Array(type.utf8)
        png += data
        appendBigEndian(CRC32.checksum(png[start...]), to: &png)
    }

    private static func appendBigEndian(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
