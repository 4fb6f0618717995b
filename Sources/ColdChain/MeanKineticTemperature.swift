import Foundation

/// Mean kinetic temperature (USP <1079>, ICH Q1A): the single temperature that would cause the same thermal
/// degradation as the recorded ones,
/// `MKT = (ΔH/R) / -ln( Σ wᵢ·exp(-ΔH/(R·Tᵢ)) / Σ wᵢ ) - 273.15`, with T in kelvin.
public enum MeanKineticTemperature {
    /// ΔH/R = 83.144 kJ/mol / 8.3144 J/(mol·K) = 10000 K, the USP <1079> default.
    public static let defaultActivationEnergyOverR = 10_000.0

    /// The gas constant R in J/(mol·K) as USP <1079> rounds it.
    public static let gasConstant = 8.3144

    /// Kelvin offset of the Celsius scale.
    public static let kelvinOffset = 273.15

    /// ΔH/R in kelvin for an activation energy in kJ/mol (Q-tag loggers use 83.0).
    public static func activationEnergyOverR(kilojoulesPerMole: Double) -> Double {
        kilojoulesPerMole * 1000 / gasConstant
    }

    /// MKT of equally weighted temperatures in degrees Celsius, or nil when there are none (or one lies at or
    /// below absolute zero, or is not finite).
    public static func celsius(_ temperatures: [Double], activationEnergyOverR: Double = defaultActivationEnergyOverR)
        -> Double?
    {
        celsius(weighted: temperatures.map { ($0, 1.0) }, activationEnergyOverR: activationEnergyOverR)
    }

    /// MKT of the readings, each weighted equally (for equally spaced samples).
    public static func celsius(
        of readings: [TemperatureReading], activationEnergyOverR: Double = defaultActivationEnergyOverR
    ) -> Double? {
        celsius(readings.map(\.celsius), activationEnergyOverR: activationEnergyOverR)
    }

    /// MKT of temperatures with non-negative weights (for example the time each one held).
    public static func celsius(
        weighted samples: [(celsius: Double, weight: Double)],
        activationEnergyOverR: Double = defaultActivationEnergyOverR
    ) -> Double? {
        guard activationEnergyOverR.isFinite, activationEnergyOverR > 0 else { return nil }
        var exponents: [(value: Double, weight: Double)] = []
        var totalWeight = 0.0
        for sample in samples {
            let kelvin = sample.celsius + kelvinOffset
            guard kelvin.isFinite, kelvin > 0, sample.weight.isFinite, sample.weight >= 0 else { return nil }
            guard sample.weight > 0 else { continue }
            exponents.append((-activationEnergyOverR / kelvin, sample.weight))
            totalWeight += sample.weight
        }
        guard totalWeight > 0, let largest = exponents.map(\.value).max() else { return nil }
        // ln(Σ w·e^x / Σ w) computed around the largest exponent so that no term underflows to zero.
        var sum = 0.0
        for term in exponents {
            sum += term.weight * exp(term.value - largest)
        }
        let logMean = largest + log(sum / totalWeight)
        return activationEnergyOverR / -logMean - kelvinOffset
    }
}
