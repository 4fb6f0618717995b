import Foundation

/// A vaccine vial monitor category (WHO/PQS/E006/IN05, table 1a) with its days-to-end-point anchors.
public enum VVMCategory: String, Sendable, Hashable, CaseIterable {
    /// End point after 2 days at +37 °C or 225 days at +5 °C.
    case vvm2 = "VVM2"
    /// End point after 7 days at +37 °C or 45 days at +25 °C.
    case vvm7 = "VVM7"
    /// End point after 14 days at +37 °C or 90 days at +25 °C.
    case vvm14 = "VVM14"
    /// End point after 30 days at +37 °C or 193 days at +25 °C.
    case vvm30 = "VVM30"

    /// The two (temperature °C, days to end point) anchors of the table that the two-point Arrhenius fit uses:
    /// +37 °C and +25 °C, except VVM2 (no +25 °C figure): +37 °C and +5 °C.
    public var anchors: (first: (celsius: Double, days: Double), second: (celsius: Double, days: Double)) {
        switch self {
        case .vvm2: return ((37, 2), (5, 225))
        case .vvm7: return ((37, 7), (25, 45))
        case .vvm14: return ((37, 14), (25, 90))
        case .vvm30: return ((37, 30), (25, 193))
        }
    }

    /// Ea/R in kelvin of the line through the two anchors: ln(days) is linear in 1/T.
    public var activationEnergyOverR: Double {
        let (first, second) = anchors
        let inverseFirst = 1 / (first.celsius + MeanKineticTemperature.kelvinOffset)
        let inverseSecond = 1 / (second.celsius + MeanKineticTemperature.kelvinOffset)
        return log(second.days / first.days) / (inverseSecond - inverseFirst)
    }

    /// Days to the end point at a constant temperature, from the two-point Arrhenius fit:
    /// `days(T) = days₁ · exp[(Ea/R)(1/T − 1/T₁)]`.
    public func daysToEndPoint(celsius: Double) -> Double {
        let first = anchors.first
        let inverse = 1 / (celsius + MeanKineticTemperature.kelvinOffset)
        let inverseFirst = 1 / (first.celsius + MeanKineticTemperature.kelvinOffset)
        return first.days * exp(activationEnergyOverR * (inverse - inverseFirst))
    }
}
