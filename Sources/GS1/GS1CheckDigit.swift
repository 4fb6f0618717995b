/// The GS1 mod-10 check digit used by GTIN, GLN, SSCC, GSRN and the other numeric keys.
public enum GS1CheckDigit {
    /// The check digit for the digits before it (weights 3, 1, 3 ... from the right), or `nil` for a non-digit.
    public static func compute<S: StringProtocol>(for body: S) -> Character? {
        var sum = 0
        var weight = 3
        for scalar in body.unicodeScalars.reversed() {
            guard scalar.value >= 48, scalar.value <= 57 else { return nil }
            sum += Int(scalar.value - 48) * weight
            weight = weight == 3 ? 1 : 3
        }
        return Character(Unicode.Scalar(UInt8(48 + (10 - sum % 10) % 10)))
    }

    /// Whether the last digit of `digits` is the correct check digit for the ones before it.
    public static func isValid<S: StringProtocol>(_ digits: S) -> Bool {
        guard let last = digits.last, digits.count >= 2 else { return false }
        return compute(for: digits.dropLast()) == last
    }

    /// Whether every character is an ASCII digit.
    static func isAllDigits<S: StringProtocol>(_ text: S) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}
