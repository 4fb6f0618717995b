import Foundation

/// A calculated ("digital") vaccine vial monitor: the share of a VVM's life that a temperature record used.
///
/// `used = Σ (t[i+1] − t[i]) / daysToEndPoint(T[i])`; the VVM reaches its end point (discard) at 1.
public struct CalculatedVVM: Sendable, Hashable {
    /// How days to the end point depend on temperature.
    public enum Model: String, Sendable, Hashable, CaseIterable {
        /// Arrhenius through the two WHO table anchors of the category (see ``VVMCategory/daysToEndPoint(celsius:)``).
        case twoPoint
        /// The empirical rate constants of Nexleaf's `remaining_vvm_life` (Goldwood & Diesburg 2018):
        /// `k = A·exp(−E/T)` per day; about 13-21 % more conservative than ``twoPoint``.
        case nexleaf
    }

    /// The VVM category.
    public var category: VVMCategory
    /// The temperature model.
    public var model: Model

    /// A calculated VVM of a category (two-point model by default).
    public init(category: VVMCategory, model: Model = .twoPoint) {
        self.category = category
        self.model = model
    }

    /// Days to the end point at a constant temperature in degrees Celsius.
    public func daysToEndPoint(celsius: Double) -> Double {
        switch model {
        case .twoPoint:
            return category.daysToEndPoint(celsius: celsius)
        case .nexleaf:
            let (rateFactor, energyOverR) = nexleafConstants
            return 1 / (rateFactor * exp(-energyOverR / (celsius + MeanKineticTemperature.kelvinOffset)))
        }
    }

    /// Nexleaf's (A per day, E/R in kelvin) for the category.
    public var nexleafConstants: (rateFactorPerDay: Double, energyOverR: Double) {
        switch category {
        case .vvm2: return (1.4422e17, 12429)
        case .vvm7: return (2.1532e18, 13652)
        case .vvm14: return (1.0766e18, 13652)
        case .vvm30: return (5.1131e17, 13657)
        }
    }

    /// The fraction of the VVM's life used by the record: each reading's hold (until the next reading, at most
    /// `maxHold` seconds) divided by the days to end point at its temperature. The last reading holds no time.
    public func usedFraction(_ readings: [TemperatureReading], maxHold: TimeInterval? = nil) -> Double {
        var used = 0.0
        for index in readings.indices.dropLast() {
            var seconds = readings[index + 1].time.timeIntervalSince(readings[index].time)
            if let maxHold { seconds = Swift.min(seconds, maxHold) }
            guard seconds > 0 else { continue }
            used += seconds / 86_400 / daysToEndPoint(celsius: readings[index].celsius)
        }
        return used
    }

    /// The fraction used by constant-temperature segments of (hours, °C), for planning and test profiles.
    public func usedFraction(segments: [(hours: Double, celsius: Double)]) -> Double {
        segments.reduce(0) { $0 + $1.hours / 24 / daysToEndPoint(celsius: $1.celsius) }
    }
}
