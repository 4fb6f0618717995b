/// ECMAScript Number-to-String (ECMA-262 Number::toString, radix 10), as RFC 8785 requires for numbers.
///
/// The shortest round-trip digits come from the standard library's `Double.description` (shortest digits
/// that read back to the same double, the closest to the exact value when several qualify — the ECMAScript
/// "Note 2" rule); this type only lays them out the ECMAScript way.
enum ECMAScriptNumber {
    /// Writes `value` in ECMAScript form. `-0` is written as `0`; NaN and infinities (which a parsed
    /// document cannot hold) are written as `null`, as `JSON.stringify` does.
    static func write(_ value: Double, into out: inout [UInt8]) {
        guard value.isFinite else {
            out.append(contentsOf: "null".utf8)
            return
        }
        if value == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var text = value.magnitude.description
        text.withUTF8 { layOut(description: $0, into: &out) }
    }

    /// Rewrites a Swift description (`1.2345e+29`, `100.0`, `1e-07`, `0.001`) of a positive finite double.
    static func layOut(description: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        // Collect the digits (at most 17 significant, plus zeros Swift writes around the point).
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var pointPosition: Int?
        var exponent = 0
        var index = 0
        while index < description.count {
            let byte = description[index]
            if byte == UInt8(ascii: ".") {
                pointPosition = digits.count
            } else if byte == UInt8(ascii: "e") {
                exponent = parseExponent(description, from: index + 1)
                break
            } else {
                digits.append(byte)
            }
            index += 1
        }
        // value = 0.d1d2d3... × 10^n
        var n = (pointPosition ?? digits.count) + exponent
        var leadingZeros = 0
        while leadingZeros < digits.count, digits[leadingZeros] == UInt8(ascii: "0") { leadingZeros += 1 }
        n -= leadingZeros
        var significant = digits[leadingZeros...]
        while let last = significant.last, last == UInt8(ascii: "0") { significant.removeLast() }
        let k = significant.count
        guard k > 0 else {
            out.append(UInt8(ascii: "0"))
            return
        }

        if k <= n, n <= 21 {
            out.append(contentsOf: significant)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: n - k))
        } else if 0 < n, n <= 21 {
            out.append(contentsOf: significant.prefix(n))
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: significant.dropFirst(n))
        } else if -6 < n, n <= 0 {
            out.append(contentsOf: "0.".utf8)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -n))
            out.append(contentsOf: significant)
        } else {
            out.append(significant[significant.startIndex])
            if k > 1 {
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: significant.dropFirst())
            }
            let e = n - 1
            out.append(UInt8(ascii: "e"))
            out.append(e < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            JSONWriter.writeDecimal(UInt64(e.magnitude), into: &out)
        }
    }

    static func parseExponent(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var value = 0
        while index < bytes.count {
            value = value * 10 + Int(bytes[index] &- UInt8(ascii: "0"))
            index += 1
        }
        return negative ? -value : value
    }
}
