/// A QR code symbol (ISO/IEC 18004, model 2, versions 1 to 40), encoded from bytes or text.
///
/// The encoder splits the data into numeric, alphanumeric and byte segments with the fewest bits, picks the
/// smallest version that holds them at the requested error correction level, adds Reed-Solomon codewords,
/// and applies the mask with the lowest penalty score. It does no I/O; see `QRRenderer` for images.
///
/// ```swift
/// let code = try QRCode(encoding: "HC1:6BFOXN...", options: .init(errorCorrection: .quartile))
/// code.size          // modules per side, without the quiet zone
/// code[x: 0, y: 0]   // true: dark
/// ```
public struct QRCode: Sendable, Hashable {
    /// The version, 1...40.
    public let version: Int
    /// The error correction level of the symbol.
    public let errorCorrection: ErrorCorrection
    /// The data mask, 0...7.
    public let mask: Int
    /// The segments the data was encoded in.
    public let segments: [Segment]
    /// Packed modules, row-major: row y holds `wordsPerRow` words, module x is bit x % 64 of word x / 64.
    @usableFromInline let rows: [UInt64]
    /// Words per row in ``packedRows``: (size + 63) / 64.
    public let wordsPerRow: Int

    /// The modules as packed bits, for renderers that work a row at a time: row y is the words
    /// `y * wordsPerRow ..< (y + 1) * wordsPerRow`, module x of the row is bit `x % 64` (least significant bit
    /// first) of its word `x / 64`, 1 for dark; bits past `size` are 0.
    public var packedRows: [UInt64] { rows }

    /// Modules per side, 17 + 4 × version (without the quiet zone).
    @inlinable public var size: Int { 17 + 4 * version }

    /// Whether the module in column `x`, row `y` is dark; (0, 0) is the top-left module of the symbol
    /// proper. Coordinates outside the symbol are light (the quiet zone).
    @inlinable public subscript(x x: Int, y y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return rows[y &* wordsPerRow &+ x &>> 6] &>> UInt64(x & 63) & 1 != 0
    }

    /// Encodes text as its UTF-8 bytes; digits and alphanumeric runs use the denser modes where that is
    /// shorter, everything else byte mode (without an ECI designator, so decoders see the UTF-8 bytes).
    ///
    /// - Throws: ``QRCodeError`` `QR_DATA_TOO_LONG` when the text does not fit into version 40 at the level,
    ///   `QR_INVALID_OPTION` for an option out of range or a forced version that is too small.
    public init(encoding text: String, options: Options = .init()) throws(QRCodeError) {
        try self.init(encoding: Array(text.utf8), options: options)
    }

    /// Encodes bytes; digits and alphanumeric characters among them use the denser modes where that is
    /// shorter, and a decoder returns the same bytes.
    ///
    /// - Throws: ``QRCodeError`` `QR_DATA_TOO_LONG` when the bytes do not fit into version 40 at the level,
    ///   `QR_INVALID_OPTION` for an option out of range or a forced version that is too small.
    public init(encoding bytes: [UInt8], options: Options = .init()) throws(QRCodeError) {
        let plan = try QRVersionPlanner.plan(bytes, options: options)
        let data = bytes.withUnsafeBufferPointer { bytes in
            QRDataEncoder.dataCodewords(bytes, segments: plan.segments, version: plan.version, level: plan.level)
        }
        let codewords = QRInterleaver.codewords(data: data, version: plan.version, level: plan.level)
        var builder = QRMatrixBuilder(version: plan.version)
        builder.place(codewords)
        let masked = QRMasker.apply(builder, level: plan.level, forcedMask: options.forcedMask)
        version = plan.version
        errorCorrection = plan.level
        mask = masked.mask
        segments = plan.segments
        rows = masked.rows
        wordsPerRow = builder.words
    }
}
