/// Chooses the segmentation, version and level of a symbol.
enum QRVersionPlanner {
    /// The outcome: segments, version and the (possibly boosted) level.
    struct Plan {
        let segments: [QRCode.Segment]
        let version: Int
        let level: QRCode.ErrorCorrection
    }

    /// The most characters any QR code holds (numeric mode, version 40, level L); longer input is rejected
    /// before any work.
    static let maximumCharacters = 7089

    /// Version ranges sharing one set of character-count-field widths.
    static let widthClasses: [ClosedRange<Int>] = [1...9, 10...26, 27...40]

    static func plan(_ bytes: [UInt8], options: QRCode.Options) throws(QRCodeError) -> Plan {
        if let forced = options.forcedVersion, !(1...40).contains(forced) {
            throw QRCodeError(.invalidOption, "expected a forced version in 1...40, found \(forced)")
        }
        if let mask = options.forcedMask, !(0...7).contains(mask) {
            throw QRCodeError(.invalidOption, "expected a forced mask in 0...7, found \(mask)")
        }
        if !(1...40).contains(options.minimumVersion) {
            throw QRCodeError(.invalidOption, "expected a minimum version in 1...40, found \(options.minimumVersion)")
        }
        let level = options.errorCorrection
        if bytes.count > maximumCharacters {
            throw tooLong(count: bytes.count, bits: nil, level: level)
        }
        let lowest = options.forcedVersion ?? options.minimumVersion
        var found: (segments: [QRCode.Segment], version: Int)?
        var lastBits = 0
        bytes.withUnsafeBufferPointer { bytes in
            for (widthClass, versions) in widthClasses.enumerated() where versions.upperBound >= lowest {
                let (segments, bits) = QRSegmenter.segment(bytes, widthClass: widthClass)
                lastBits = bits
                guard fitsCountFields(segments, widthClass: widthClass) else { continue }
                for version in max(lowest, versions.lowerBound)...versions.upperBound
                where bits <= QRVersionTable.dataBits[level.ordinal][version] {
                    found = (segments, version)
                    return
                }
            }
        }
        guard let found else {
            throw tooLong(count: bytes.count, bits: lastBits, level: level)
        }
        if let forced = options.forcedVersion, found.version != forced {
            throw QRCodeError(
                .invalidOption,
                "expected a version of at least \(found.version) for \(bytes.count) bytes at level \(level.rawValue), found forced version \(forced)"
            )
        }
        var chosenLevel = level
        if options.boostErrorCorrection {
            let bits = found.segments.reduce(0) { $0 + $1.bitCount(version: found.version) }
            for higher in QRCode.ErrorCorrection.allCases where higher.ordinal > level.ordinal {
                if bits <= QRVersionTable.dataBits[higher.ordinal][found.version] { chosenLevel = higher }
            }
        }
        return Plan(segments: found.segments, version: found.version, level: chosenLevel)
    }

    /// Whether every segment's character count fits its count field. (A segment too long for its field
    /// never fits the data capacity of that width class either; this is a safeguard.)
    private static func fitsCountFields(_ segments: [QRCode.Segment], widthClass: Int) -> Bool {
        segments.allSatisfy { $0.range.count < 1 << $0.mode.countBits(widthClass: widthClass) }
    }

    private static func tooLong(count: Int, bits: Int?, level: QRCode.ErrorCorrection) -> QRCodeError {
        let capacity = QRVersionTable.dataBits[level.ordinal][40]
        let byteCapacity = (capacity - 4 - 16) / 8
        let numericBits = capacity - 4 - 14
        let digitCapacity = numericBits / 10 * 3 + (numericBits % 10 >= 7 ? 2 : numericBits % 10 >= 4 ? 1 : 0)
        let alphanumericBits = capacity - 4 - 13
        let alphanumericCapacity = alphanumericBits / 11 * 2 + (alphanumericBits % 11 >= 6 ? 1 : 0)
        let needed = bits.map { ", needing \($0) bits where version 40 holds \(capacity)" } ?? ""
        return QRCodeError(
            .dataTooLong,
            "expected at most \(byteCapacity) bytes (\(digitCapacity) digits or \(alphanumericCapacity) alphanumeric characters) at level \(level.rawValue) in version 40, found \(count) bytes\(needed)"
        )
    }
}
