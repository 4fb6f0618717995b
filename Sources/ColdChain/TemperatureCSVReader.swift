import Foundation

/// Reads the `time,celsius` CSV of `dvc coldchain analyze`: a header line `time,celsius`, then one reading per
/// line, an ISO 8601 time with offset (`2024-01-31T08:00:00+01:00`, or `Z`) and a decimal temperature, in
/// strictly increasing time order. LF or CRLF line ends; blank lines are skipped; a UTF-8 BOM is allowed.
public struct TemperatureCSVReader: Sendable {
    /// Upper bounds on the input.
    public struct Limits: Sendable, Hashable {
        /// The most bytes read.
        public var maxBytes: Int
        /// The most lines read (header included).
        public var maxLines: Int

        /// Limits; the defaults allow ten years of one-minute readings.
        public init(maxBytes: Int = 256 * 1024 * 1024, maxLines: Int = 6_000_000) {
            self.maxBytes = maxBytes
            self.maxLines = maxLines
        }
    }

    /// The limits this reader enforces.
    public var limits: Limits

    /// A reader with limits.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Parses CSV bytes.
    /// - Throws: ``ColdChainError`` with `COLDCHAIN_INPUT_TOO_LARGE`, `COLDCHAIN_NOT_TEXT`,
    ///   `COLDCHAIN_TOO_MANY_LINES`, `COLDCHAIN_BAD_HEADER`, `COLDCHAIN_BAD_ROW` (naming the line),
    ///   `COLDCHAIN_TEMPERATURE_OUT_OF_RANGE`, `COLDCHAIN_TIME_ORDER` or `COLDCHAIN_NO_READINGS`.
    public func read(_ bytes: some Collection<UInt8>) throws -> [TemperatureReading] {
        guard bytes.count <= limits.maxBytes else {
            throw ColdChainError(.inputTooLarge, "expected at most \(limits.maxBytes) bytes, found \(bytes.count)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ColdChainError(.notText, "expected UTF-8 text, found other bytes")
        }
        return try read(text: text)
    }

    /// Parses CSV text.
    public func read(text: String) throws -> [TemperatureReading] {
        guard text.utf8.count <= limits.maxBytes else {
            throw ColdChainError(.inputTooLarge, "expected at most \(limits.maxBytes) bytes, found \(text.utf8.count)")
        }
        var readings: [TemperatureReading] = []
        var sawHeader = false
        try TextLines.forEach(in: text, maxLines: limits.maxLines) { rawLine, lineNumber in
            var line = rawLine
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.utf8.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return }
            if !sawHeader {
                guard line.lowercased().filter({ $0 != " " }) == "time,celsius" else {
                    throw ColdChainError(
                        .badHeader, "expected the header time,celsius on line \(lineNumber), found \(Self.excerpt(line))")
                }
                sawHeader = true
                return
            }
            let reading = try Self.parseRow(line, lineNumber: lineNumber)
            if let previous = readings.last, reading.time <= previous.time {
                throw ColdChainError(
                    .timeOrder, "expected the time on line \(lineNumber) to be later than the line before, found it is not")
            }
            readings.append(reading)
        }
        guard sawHeader else {
            throw ColdChainError(.badHeader, "expected the header time,celsius, found an empty input")
        }
        guard !readings.isEmpty else {
            throw ColdChainError(.noReadings, "expected at least one reading after the header, found none")
        }
        return readings
    }

    private static func parseRow(_ line: Substring, lineNumber: Int) throws -> TemperatureReading {
        let fields = TextLines.split(line, on: UInt8(ascii: ","), maxPieces: 3)
        guard fields.count == 2 else {
            throw ColdChainError(
                .badRow, "expected 2 fields time,celsius on line \(lineNumber), found \(fields.count == 3 ? "3 or more" : "1")")
        }
        let timeText = trimmed(fields[0])
        let celsiusText = trimmed(fields[1])
        guard let time = CivilTime.parseISO8601(timeText) else {
            throw ColdChainError(
                .badRow,
                "expected an ISO 8601 time with offset (e.g. 2024-01-31T08:00:00+01:00) on line \(lineNumber), found \(excerpt(timeText))")
        }
        guard let celsius = DecimalText.parse(celsiusText) else {
            throw ColdChainError(
                .badRow, "expected a decimal temperature (e.g. 4.5) on line \(lineNumber), found \(excerpt(celsiusText))")
        }
        guard TemperatureReading.plausibleRange.contains(celsius) else {
            throw ColdChainError(
                .temperatureOutOfRange,
                "expected a temperature within \(TemperatureReading.plausibleRange) on line \(lineNumber), found \(celsius)")
        }
        return TemperatureReading(time: time, celsius: celsius)
    }

    private static func trimmed(_ text: Substring) -> Substring {
        var text = text
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }

    /// At most 40 characters of a field, quoted, for error messages (sensor data, never personal data).
    static func excerpt(_ text: Substring) -> String {
        let cut = text.prefix(40)
        let escaped = cut.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : String($0) }.joined()
        return "\"\(escaped)\"" + (cut.count < text.count ? "..." : "")
    }
}
