/// IEEE 754 binary16 conversions written with bit operations (`Float16` is not available on every platform).
enum HalfFloat {
    /// The value of a half float given by its bits. Exact: every half value is a `Double`.
    static func double(fromBits bits: UInt16) -> Double {
        let sign = UInt64(bits & 0x8000) << 48
        let exponent = UInt64((bits >> 10) & 0x1f)
        let fraction = UInt64(bits & 0x3ff)
        switch exponent {
        case 0:
            // Zero or subnormal: fraction * 2^-24, exact in a Double.
            let magnitude = Double(fraction) * 0x1p-24
            return sign == 0 ? magnitude : -magnitude
        case 0x1f:
            // Infinity (fraction 0) or NaN; the NaN payload moves to the top of the Double fraction.
            return Double(bitPattern: sign | 0x7ff << 52 | fraction << 42)
        default:
            // Normal: rebias the exponent from 15 to 1023.
            return Double(bitPattern: sign | (exponent + 1023 - 15) << 52 | fraction << 42)
        }
    }

    /// The bits of the half float equal to `value`, or nil when no half float has exactly this value.
    /// NaN gives the quiet NaN `0x7e00`.
    static func bits(exactly value: Float) -> UInt16? {
        let bits = value.bitPattern
        let sign = UInt16(truncatingIfNeeded: bits >> 16) & 0x8000
        let biasedExponent = Int((bits >> 23) & 0xff)
        let fraction = bits & 0x7f_ffff
        if biasedExponent == 0xff {
            return fraction == 0 ? sign | 0x7c00 : 0x7e00
        }
        if biasedExponent == 0 {
            // Zero keeps its sign; single-precision subnormals are far below the half range.
            return fraction == 0 ? sign : nil
        }
        let exponent = biasedExponent - 127
        if exponent >= -14, exponent <= 15 {
            // Normal half: the 13 low fraction bits must be zero.
            guard fraction & 0x1fff == 0 else { return nil }
            return sign | UInt16(exponent + 15) << 10 | UInt16(truncatingIfNeeded: fraction >> 13)
        }
        if exponent >= -24, exponent < -14 {
            // Subnormal half: significand * 2^(exponent + 1) must be an integer below 1024.
            let significand = fraction | 0x80_0000
            let shift = UInt32(-(exponent + 1))  // 14...23
            guard significand & ((1 << shift) - 1) == 0 else { return nil }
            return sign | UInt16(truncatingIfNeeded: significand >> shift)
        }
        return nil
    }
}
