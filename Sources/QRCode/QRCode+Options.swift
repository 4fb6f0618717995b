extension QRCode {
    /// The error correction level: the share of codewords that can be restored (about 7, 15, 25 and 30%).
    public enum ErrorCorrection: String, Sendable, CaseIterable, Hashable {
        /// About 7% of the codewords can be restored (SMART Health Cards use this level).
        case low = "L"
        /// About 15% of the codewords can be restored.
        case medium = "M"
        /// About 25% of the codewords can be restored.
        case quartile = "Q"
        /// About 30% of the codewords can be restored.
        case high = "H"

        /// Index into the version tables: L 0, M 1, Q 2, H 3.
        var ordinal: Int {
            switch self {
            case .low: 0
            case .medium: 1
            case .quartile: 2
            case .high: 3
            }
        }

        /// The two error-correction bits of the format information (ISO/IEC 18004 Table 12).
        var formatBits: Int {
            switch self {
            case .low: 1
            case .medium: 0
            case .quartile: 3
            case .high: 2
            }
        }
    }

    /// How to encode: the error correction level and, for tests or fixed layouts, a forced version or mask.
    public struct Options: Sendable, Hashable {
        /// The error correction level (default M).
        public var errorCorrection: ErrorCorrection = .medium
        /// The smallest version to use (1...40); the encoder picks the smallest version at or above it that fits.
        public var minimumVersion = 1
        /// Use exactly this version (1...40); encoding fails with `QR_INVALID_OPTION` if the data does not fit.
        /// Overrides ``minimumVersion``.
        public var forcedVersion: Int? = nil
        /// Use exactly this mask (0...7) instead of the one with the lowest penalty score.
        public var forcedMask: Int? = nil
        /// Raise the error correction level as far as the chosen version allows (off by default, so that the
        /// level is the one asked for).
        public var boostErrorCorrection = false

        /// Creates options; every parameter has the default described on its property.
        public init(
            errorCorrection: ErrorCorrection = .medium, minimumVersion: Int = 1, forcedVersion: Int? = nil,
            forcedMask: Int? = nil, boostErrorCorrection: Bool = false
        ) {
            self.errorCorrection = errorCorrection
            self.minimumVersion = minimumVersion
            self.forcedVersion = forcedVersion
            self.forcedMask = forcedMask
            self.boostErrorCorrection = boostErrorCorrection
        }
    }
}
