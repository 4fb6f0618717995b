/// A set of Unicode scalars for regular expression classes: sorted, merged ranges plus a 128-bit ASCII map.
struct ECMAScalarSet: Sendable, Hashable {
    /// Sorted, non-overlapping, non-adjacent ranges.
    private(set) var ranges: [ClosedRange<UInt32>]
    private var asciiLow: UInt64 = 0
    private var asciiHigh: UInt64 = 0

    static let maxScalar: UInt32 = 0x10FFFF

    init(_ ranges: [ClosedRange<UInt32>]) {
        var sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<UInt32>] = []
        for range in sorted {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        sorted = merged
        self.ranges = sorted
        for range in sorted where range.lowerBound < 128 {
            for scalar in range.lowerBound...min(range.upperBound, 127) {
                if scalar < 64 { asciiLow |= 1 << UInt64(scalar) } else { asciiHigh |= 1 << UInt64(scalar - 64) }
            }
        }
    }

    /// The scalars not in this set.
    var inverted: ECMAScalarSet {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            next = range.upperBound &+ 1
        }
        if next <= Self.maxScalar, !(ranges.last.map { $0.upperBound >= Self.maxScalar } ?? false) {
            result.append(next...Self.maxScalar)
        }
        return ECMAScalarSet(result)
    }

    func contains(_ scalar: UInt32) -> Bool {
        if scalar < 64 { return asciiLow & (1 << UInt64(scalar)) != 0 }
        if scalar < 128 { return asciiHigh & (1 << UInt64(scalar - 64)) != 0 }
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if scalar < range.lowerBound {
                high = middle
            } else if scalar > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    // MARK: ECMA-262 predefined classes

    /// `\d`
    static let digits = ECMAScalarSet([0x30...0x39])
    /// `\w`: ASCII letters, digits and `_`.
    static let wordCharacters = ECMAScalarSet([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// `\s`: ECMA-262 WhiteSpace and LineTerminator.
    static let whitespace = ECMAScalarSet([
        0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A, 0x2028...0x2029,
        0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ])
    /// ECMA-262 LineTerminator: what `.` does not match.
    static let lineTerminators = ECMAScalarSet([0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029])
    /// `.`
    static let dot = lineTerminators.inverted
}
