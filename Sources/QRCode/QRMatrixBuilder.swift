/// Builds the unmasked module matrix of one version: function patterns, version information and the data
/// codewords in their zigzag placement.
///
/// Rows are bit-packed, 64 modules per word with module x at bit x % 64 of word x / 64; a transposed copy
/// (one packed line per column) is kept alongside, so that the mask evaluation can treat rows and columns
/// alike.
struct QRMatrixBuilder {
    let version: Int
    let size: Int
    /// Words per packed line.
    let words: Int
    /// Dark modules, row-major.
    var modules: [UInt64]
    /// Dark modules, column-major (line x holds column x, bit y).
    var modulesTransposed: [UInt64]
    /// Function modules (finder, separator, timing, alignment, format, version and the dark module), row-major.
    var function: [UInt64]
    /// Function modules, column-major.
    var functionTransposed: [UInt64]

    init(version: Int) {
        self.version = version
        size = QRVersionTable.size(version: version)
        words = (size + 63) / 64
        modules = [UInt64](repeating: 0, count: size * words)
        modulesTransposed = modules
        function = modules
        functionTransposed = modules
        drawFunctionPatterns()
    }

    func isFunction(x: Int, y: Int) -> Bool {
        function[y * words + x >> 6] >> UInt64(x & 63) & 1 != 0
    }

    private mutating func setFunction(x: Int, y: Int, dark: Bool) {
        let rowIndex = y * words + x >> 6
        let rowBit: UInt64 = 1 << UInt64(x & 63)
        let columnIndex = x * words + y >> 6
        let columnBit: UInt64 = 1 << UInt64(y & 63)
        function[rowIndex] |= rowBit
        functionTransposed[columnIndex] |= columnBit
        if dark {
            modules[rowIndex] |= rowBit
            modulesTransposed[columnIndex] |= columnBit
        } else {
            modules[rowIndex] &= ~rowBit
            modulesTransposed[columnIndex] &= ~columnBit
        }
    }

    private mutating func drawFunctionPatterns() {
        // Timing patterns on row 6 and column 6.
        for index in 0..<size {
            setFunction(x: 6, y: index, dark: index % 2 == 0)
            setFunction(x: index, y: 6, dark: index % 2 == 0)
        }
        // Finder patterns with their light separators.
        for (centreX, centreY) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4...4 {
                for dx in -4...4 {
                    let x = centreX + dx
                    let y = centreY + dy
                    guard x >= 0, x < size, y >= 0, y < size else { continue }
                    let distance = max(abs(dx), abs(dy))
                    setFunction(x: x, y: y, dark: distance != 2 && distance != 4)
                }
            }
        }
        // Alignment patterns, except where they would overlap a finder pattern.
        let centres = QRVersionTable.alignmentCentres[version]
        for (i, centreY) in centres.enumerated() {
            for (j, centreX) in centres.enumerated() {
                let last = centres.count - 1
                if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                for dy in -2...2 {
                    for dx in -2...2 {
                        setFunction(x: centreX + dx, y: centreY + dy, dark: max(abs(dx), abs(dy)) != 1)
                    }
                }
            }
        }
        // Reserve the format information areas (drawn per mask) and draw the dark module.
        for bit in 0..<15 {
            let first = QRFormatInformation.firstCopyPosition(bit: bit)
            setFunction(x: first.x, y: first.y, dark: false)
            let second = QRFormatInformation.secondCopyPosition(bit: bit, size: size)
            setFunction(x: second.x, y: second.y, dark: false)
        }
        setFunction(x: 8, y: size - 8, dark: true)
        // Version information (versions 7 and up) beside the top-right and bottom-left finder patterns.
        if version >= 7 {
            let bits = QRFormatInformation.versionBits(version: version)
            for bit in 0..<18 {
                let dark = (bits >> bit) & 1 != 0
                let a = size - 11 + bit % 3
                let b = bit / 3
                setFunction(x: a, y: b, dark: dark)
                setFunction(x: b, y: a, dark: dark)
            }
        }
    }

    /// Places the codewords' bits in the zigzag order of ISO/IEC 18004 7.7.3: two-module-wide columns from the
    /// right, alternately upwards and downwards, skipping function modules and the vertical timing pattern.
    /// Remainder modules stay light.
    mutating func place(_ codewords: [UInt8]) {
        let totalBits = codewords.count * 8
        let size = size
        let words = words
        var bitIndex = 0
        codewords.withUnsafeBufferPointer { codewords in
            function.withUnsafeBufferPointer { function in
                modules.withUnsafeMutableBufferPointer { modules in
                    modulesTransposed.withUnsafeMutableBufferPointer { transposed in
                        var right = size - 1
                        while right >= 1 {
                            if right == 6 { right = 5 }
                            let upward = (right + 1) & 2 == 0
                            for step in 0..<size {
                                let y = upward ? size - 1 - step : step
                                for dx in 0..<2 {
                                    let x = right - dx
                                    let rowIndex = y * words + x >> 6
                                    let rowBit: UInt64 = 1 << UInt64(x & 63)
                                    if function[rowIndex] & rowBit != 0 { continue }
                                    if bitIndex >= totalBits { continue }
                                    if (codewords[bitIndex >> 3] >> UInt8(7 - bitIndex & 7)) & 1 != 0 {
                                        modules[rowIndex] |= rowBit
                                        transposed[x * words + y >> 6] |= 1 << UInt64(y & 63)
                                    }
                                    bitIndex += 1
                                }
                            }
                            right -= 2
                        }
                    }
                }
            }
        }
    }
}
