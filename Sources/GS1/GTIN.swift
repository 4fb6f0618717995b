/// A Global Trade Item Number (GTIN-8, -12, -13 or -14) with a validated check digit.
///
/// Stored as the 14-digit form (left-padded with zeros), which is what AI 01 and Digital Link use.
public struct GTIN: Hashable, Sendable, CustomStringConvertible {
    /// The 14 digits (GTIN-14 form, zero-padded).
    public let digits: String

    /// Parses a GTIN of 8, 12, 13 or 14 digits and checks its check digit.
    public init(_ text: String) throws(GS1Error) {
        let count = text.utf8.count
        guard [8, 12, 13, 14].contains(count) else {
            throw GS1Error(.invalidKey, "expected a GTIN of 8, 12, 13 or 14 digits, found \(count) characters")
        }
        guard GS1CheckDigit.isAllDigits(text) else {
            throw GS1Error(.invalidKey, "expected only digits in a GTIN, found another character")
        }
        guard GS1CheckDigit.isValid(text) else {
            let expected = GS1CheckDigit.compute(for: text.dropLast()).map(String.init) ?? "?"
            throw GS1Error(.checkDigit, "expected GTIN check digit \(expected), found \(text.suffix(1))")
        }
        self.digits = String(repeating: "0", count: 14 - count) + text
    }

    /// Builds a GTIN-14 from its first 13 digits (indicator, company prefix, item reference), adding the check digit.
    public init(withoutCheckDigit body: String) throws(GS1Error) {
        guard body.utf8.count == 13, GS1CheckDigit.isAllDigits(body), let check = GS1CheckDigit.compute(for: body) else {
            throw GS1Error(.invalidKey, "expected 13 digits before the GTIN check digit, found \(body.utf8.count) characters")
        }
        self.digits = body + String(check)
    }

    /// The indicator digit (first digit of the GTIN-14).
    public var indicator: Character { digits.first ?? "0" }

    /// The shortest conventional form: GTIN-13 when the GTIN-14 starts with 0, GTIN-12 when with 00, GTIN-8 when with 000000.
    public var shortestForm: String {
        if digits.hasPrefix("000000") { return String(digits.dropFirst(6)) }
        if digits.hasPrefix("00") { return String(digits.dropFirst(2)) }
        if digits.hasPrefix("0") { return String(digits.dropFirst(1)) }
        return digits
    }

    /// The 14 digits.
    public var description: String { digits }
}
