import Foundation

/// Reads Berlinger Fridge-tag 2 / 2 L / Ultra Low and Q-tag CLm text exports (the `.txt` a logger writes to USB).
///
/// The layout is indented `Key: value` lines (several `Key: value` pairs on a line are separated by `, `),
/// section headers ending in `:`, and, on loggers that keep a series, a `Data:` section of tab-separated
/// `yyyy-MM-dd hh:mm`, temperature and out-of-limits flag rows. Times carry no offset: they are read at the
/// offset given (UTC by default).
public struct BerlingerReader: Sendable {
    /// Upper bounds on the input.
    public struct Limits: Sendable, Hashable {
        /// The most bytes read.
        public var maxBytes: Int
        /// The most lines read.
        public var maxLines: Int

        /// Limits; a 2 L export of 56 days at 5-minute logging is about 270 KB and 17,000 lines.
        public init(maxBytes: Int = 16 * 1024 * 1024, maxLines: Int = 500_000) {
            self.maxBytes = maxBytes
            self.maxLines = maxLines
        }
    }

    /// The limits this reader enforces.
    public var limits: Limits
    /// The UTC offset of the device clock, in seconds.
    public var utcOffsetSeconds: Int

    /// A reader with limits and the device clock's UTC offset.
    public init(limits: Limits = Limits(), utcOffsetSeconds: Int = 0) {
        self.limits = limits
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// Parses an export's bytes (ASCII / UTF-8).
    /// - Throws: ``ColdChainError`` `COLDCHAIN_INPUT_TOO_LARGE`, `COLDCHAIN_NOT_TEXT`, `COLDCHAIN_TOO_MANY_LINES`,
    ///   `COLDCHAIN_BERLINGER_MALFORMED` (naming the line and what was expected), `COLDCHAIN_TIME_ORDER`.
    public func read(_ bytes: some Collection<UInt8>) throws -> BerlingerExport {
        guard bytes.count <= limits.maxBytes else {
            throw ColdChainError(.inputTooLarge, "expected at most \(limits.maxBytes) bytes, found \(bytes.count)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ColdChainError(.notText, "expected UTF-8 text, found other bytes")
        }
        return try read(text: text)
    }

    /// Parses an export's text.
    public func read(text: String) throws -> BerlingerExport {
        guard text.utf8.count <= limits.maxBytes else {
            throw ColdChainError(.inputTooLarge, "expected at most \(limits.maxBytes) bytes, found \(text.utf8.count)")
        }
        var state = BerlingerParseState(utcOffsetSeconds: utcOffsetSeconds)
        try TextLines.forEach(in: text, maxLines: limits.maxLines) { line, lineNumber in
            try state.consume(line, lineNumber: lineNumber)
        }
        return try state.finish()
    }

    /// Whether text looks like a Berlinger export (its first line starts with `Device:`).
    public static func looksLikeExport(_ text: some StringProtocol) -> Bool {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        return text.hasPrefix("Device:")
    }
}
