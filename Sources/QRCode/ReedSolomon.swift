/// Reed-Solomon error correction codewords over GF(256), as QR codes use them (generator roots α^0 ... α^(n-1)).
enum ReedSolomon {
    /// The largest number of error correction codewords per block in any QR version.
    static let maximumDegree = 30

    /// Logarithms of the generator polynomial coefficients for each degree 0...30, highest power first and
    /// without the leading 1: `generatorLogs[n][i]` is log of the coefficient of x^(n-1-i).
    static let generatorLogs: [[UInt8]] = (0...maximumDegree).map { degree in
        // Multiply out (x - α^0)(x - α^1)...(x - α^(degree-1)); coefficients highest power first.
        var coefficients: [UInt8] = [1]
        for root in 0..<degree {
            let alpha = GaloisField.exp[root]
            var product = [UInt8](repeating: 0, count: coefficients.count + 1)
            for (index, coefficient) in coefficients.enumerated() {
                product[index] ^= coefficient
                product[index + 1] ^= GaloisField.multiply(coefficient, alpha)
            }
            coefficients = product
        }
        // Every coefficient of these generators is non-zero, so each has a logarithm.
        return coefficients.dropFirst().map { GaloisField.log[Int($0)] }
    }

    /// Writes the `degree` error correction codewords of `data` into `output` (the remainder of
    /// data(x)·x^degree divided by the generator).
    static func remainder(
        of data: UnsafeBufferPointer<UInt8>, degree: Int, into output: UnsafeMutableBufferPointer<UInt8>
    ) {
        precondition(degree > 0 && degree <= maximumDegree && output.count == degree)
        generatorLogs[degree].withUnsafeBufferPointer { generator in
            GaloisField.exp.withUnsafeBufferPointer { exp in
                GaloisField.log.withUnsafeBufferPointer { log in
                    for index in 0..<degree { output[index] = 0 }
                    for byte in data {
                        let factor = byte ^ output[0]
                        if factor == 0 {
                            for index in 0..<(degree - 1) { output[index] = output[index + 1] }
                            output[degree - 1] = 0
                        } else {
                            // Shift by one position and add factor·generator in the same pass.
                            let logFactor = Int(log[Int(factor)])
                            for index in 0..<(degree - 1) {
                                output[index] = output[index + 1] ^ exp[Int(generator[index]) + logFactor]
                            }
                            output[degree - 1] = exp[Int(generator[degree - 1]) + logFactor]
                        }
                    }
                }
            }
        }
    }
}
