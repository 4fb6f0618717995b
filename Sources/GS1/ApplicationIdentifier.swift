/// A GS1 Application Identifier (AI) with the format of its data field.
public struct ApplicationIdentifier: Hashable, Sendable, CustomStringConvertible {
    /// Character set of a data field.
    public enum Charset: Hashable, Sendable {
        /// Digits only (GS1 "n").
        case numeric
        /// GS1 AI encodable character set 82 ("an" / X).
        case alphanumeric82
        /// GS1 AI encodable character set 39 (digits, upper-case letters, `#`, `-`, `/`), used by CPID.
        case alphanumeric39
    }

    /// Special semantics checked on top of length and character set.
    public enum Check: Hashable, Sendable {
        /// No further check.
        case none
        /// The last digit is a GS1 mod-10 check digit over the preceding digits.
        case checkDigit
        /// The first `n` digits are numeric and end with a check digit, followed by an optional alphanumeric part.
        case checkDigitPrefix(Int)
        /// A YYMMDD date (DD may be 00 for AIs that allow it).
        case date
        /// A YYMMDDHHMM date and time.
        case dateTime
    }

    /// The AI digits, e.g. `"01"`.
    public let code: String
    /// The GS1 data title, e.g. `"GTIN"`.
    public let title: String
    /// Minimum length of the data field.
    public let minLength: Int
    /// Maximum length of the data field.
    public let maxLength: Int
    /// The character set of the data field.
    public let charset: Charset
    /// Extra validation of the value.
    public let check: Check

    /// Creates an AI description.
    public init(code: String, title: String, minLength: Int, maxLength: Int, charset: Charset, check: Check = .none) {
        self.code = code
        self.title = title
        self.minLength = minLength
        self.maxLength = maxLength
        self.charset = charset
        self.check = check
    }

    /// Whether the data field always has the same length.
    public var isFixedLength: Bool { minLength == maxLength }

    /// Whether, in an element string, this AI's field ends by its predefined length (no FNC1/GS separator needed).
    ///
    /// This is the GS1 General Specifications table of predefined lengths, keyed by the first two AI digits; it is
    /// not the same as ``isFixedLength`` (for example AI 402 and 8006 are fixed-length but still need a separator).
    public var hasPredefinedLength: Bool {
        ApplicationIdentifier.predefinedLengthPrefixes.contains(String(code.prefix(2)))
    }

    /// The AI in brackets, e.g. `(01)`.
    public var description: String { "(\(code))" }

    /// Validates a value against length, character set and check; throws a coded error naming the AI.
    public func validate(_ value: String) throws(GS1Error) {
        let length = value.utf8.count
        guard length >= minLength, length <= maxLength else {
            let expected = isFixedLength ? "\(minLength)" : "\(minLength) to \(maxLength)"
            throw GS1Error(.invalidValue, "expected \(expected) characters for AI \(code), found \(length)")
        }
        for (offset, byte) in value.utf8.enumerated() {
            let ok: Bool
            let set: String
            switch charset {
            case .numeric: (ok, set) = (byte >= 48 && byte <= 57, "a digit")
            case .alphanumeric82: (ok, set) = (ApplicationIdentifier.isCharset82(byte), "a character of GS1 set 82")
            case .alphanumeric39: (ok, set) = (ApplicationIdentifier.isCharset39(byte), "a character of GS1 set 39")
            }
            guard ok else {
                throw GS1Error(.invalidValue, "expected \(set) in AI \(code) at position \(offset + 1)")
            }
        }
        switch check {
        case .none:
            break
        case .checkDigit:
            guard GS1CheckDigit.isValid(value) else {
                throw GS1Error(.checkDigit, "expected a valid check digit in AI \(code), found a wrong one")
            }
        case .checkDigitPrefix(let n):
            let prefix = value.prefix(n)
            guard prefix.count == n, GS1CheckDigit.isAllDigits(prefix), GS1CheckDigit.isValid(prefix) else {
                throw GS1Error(.checkDigit, "expected \(n) digits ending in a valid check digit in AI \(code)")
            }
        case .date:
            _ = try GS1Date(yymmdd: value, allowsZeroDay: true)
        case .dateTime:
            _ = try GS1Date(yymmdd: String(value.prefix(6)), allowsZeroDay: false)
            let hh = Int(value.dropFirst(6).prefix(2)) ?? 99
            let mm = Int(value.dropFirst(8).prefix(2)) ?? 99
            guard hh < 24, mm < 60 else {
                throw GS1Error(.invalidDate, "expected HHMM with hours 00-23 and minutes 00-59 in AI \(code)")
            }
        }
    }

    /// GS1 AI encodable character set 82 (General Specifications figure 7.11-1).
    public static func isCharset82(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21, 0x22, 0x25...0x3F, 0x41...0x5A, 0x5F, 0x61...0x7A: return true
        default: return false
        }
    }

    /// GS1 AI encodable character set 39: `#`, `-`, `/`, digits, upper-case letters.
    public static func isCharset39(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x23, 0x2D, 0x2F, 0x30...0x39, 0x41...0x5A: return true
        default: return false
        }
    }

    /// First two AI digits whose element strings have a predefined length (General Specifications figure 7.8.5-2).
    static let predefinedLengthPrefixes: Set<String> = [
        "00", "01", "02", "03", "04", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20",
        "31", "32", "33", "34", "35", "36", "41",
    ]
}
