import Foundation

/// One temperature sample: the time it was taken and the temperature in degrees Celsius.
///
/// In a series, reading *i* holds from its own time until the time of reading *i + 1*.
public struct TemperatureReading: Sendable, Hashable {
    /// When the sample was taken.
    public var time: Date
    /// The temperature in degrees Celsius.
    public var celsius: Double

    /// A reading at a time with a temperature in degrees Celsius.
    public init(time: Date, celsius: Double) {
        self.time = time
        self.celsius = celsius
    }

    /// The plausible range of a cold-chain sensor; readers reject temperatures outside it.
    public static let plausibleRange: ClosedRange<Double> = -200.0...200.0
}
