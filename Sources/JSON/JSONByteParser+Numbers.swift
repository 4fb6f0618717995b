extension JSONByteParser {
    /// Powers of ten that are exact in a `Double` (10^0 ... 10^22).
    static let exactPowersOfTen: [Double] = {
        var powers: [Double] = [1]
        for _ in 1...22 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    /// Parses a number starting at `position` (a `-` or a digit).
    ///
    /// Integers that fit in `Int64` are converted exactly. Other numbers take a fast exact path when the
    /// digits fit in 53 bits and the decimal exponent is small (both operands exact, one rounding), and
    /// otherwise go through the standard library's correctly rounded conversion.
    mutating func parseNumber() throws -> JSONValue {
        let start = position
        let negative = input[position] == UInt8(ascii: "-")
        if negative { position += 1 }

        var mantissa: UInt64 = 0
        var mantissaOverflow = false
        var isInteger = true
        var fractionDigits = 0

        guard position < end else { throw unexpectedEnd(expected: "a digit") }
        let first = input[position]
        if first == UInt8(ascii: "0") {
            position += 1
            if position < end, Self.isDigit(input[position]) {
                throw JSONError.at(position, .syntax, expected: "'.', 'e' or the end of the number after a leading zero",
                    found: "a digit")
            }
        } else if Self.isDigit(first) {
            while position < end, Self.isDigit(input[position]) {
                Self.accumulate(input[position], into: &mantissa, overflow: &mantissaOverflow)
                position += 1
            }
        } else {
            throw unexpectedByte(expected: "a digit")
        }

        if position < end, input[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard position < end else { throw unexpectedEnd(expected: "a digit after '.'") }
            guard Self.isDigit(input[position]) else { throw unexpectedByte(expected: "a digit after '.'") }
            while position < end, Self.isDigit(input[position]) {
                Self.accumulate(input[position], into: &mantissa, overflow: &mantissaOverflow)
                fractionDigits += 1
                position += 1
            }
        }

        var exponent = 0
        if position < end, input[position] == UInt8(ascii: "e") || input[position] == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            guard position < end else { throw unexpectedEnd(expected: "an exponent") }
            var exponentNegative = false
            if input[position] == UInt8(ascii: "+") || input[position] == UInt8(ascii: "-") {
                exponentNegative = input[position] == UInt8(ascii: "-")
                position += 1
                guard position < end else { throw unexpectedEnd(expected: "an exponent digit") }
            }
            guard Self.isDigit(input[position]) else { throw unexpectedByte(expected: "an exponent digit") }
            while position < end, Self.isDigit(input[position]) {
                // Saturate: any exponent this large already under- or overflows a Double.
                if exponent < 1_000_000 { exponent = exponent * 10 + Int(input[position] - UInt8(ascii: "0")) }
                position += 1
            }
            if exponentNegative { exponent = -exponent }
        }

        if isInteger, !mantissaOverflow {
            if !negative, mantissa <= UInt64(Int64.max) { return .integer(Int64(mantissa)) }
            if negative, mantissa <= UInt64(Int64.max) { return .integer(-Int64(mantissa)) }
            if negative, mantissa == UInt64(Int64.max) + 1 { return .integer(Int64.min) }
        }

        let decimalExponent = exponent - fractionDigits
        let value: Double
        if !mantissaOverflow, mantissa <= 1 << 53, abs(decimalExponent) <= 22 {
            let significand = Double(mantissa)
            let magnitude = decimalExponent >= 0
                ? significand * Self.exactPowersOfTen[decimalExponent]
                : significand / Self.exactPowersOfTen[-decimalExponent]
            value = negative ? -magnitude : magnitude
        } else {
            let text = String(decoding: UnsafeBufferPointer(rebasing: input[start..<position]), as: UTF8.self)
            guard let parsed = Double(text) else {
                throw JSONError.at(start, .syntax, "number could not be converted")
            }
            value = parsed
        }
        guard value.isFinite else {
            throw JSONError.at(start, .numberOutOfRange, "number is too large in magnitude for a 64-bit float")
        }
        return .double(value)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    static func accumulate(_ digit: UInt8, into mantissa: inout UInt64, overflow: inout Bool) {
        guard !overflow else { return }
        let (times10, o1) = mantissa.multipliedReportingOverflow(by: 10)
        let (sum, o2) = times10.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
        if o1 || o2 { overflow = true } else { mantissa = sum }
    }
}
