/// One temperature reading: a time, a temperature in hundredths of a degree Celsius, and optionally the sensor.
///
/// Encoded as the CBOR array `[time, centi-celsius]` or `[time, centi-celsius, sensor]` (docs/TELEMETRY.md).
public struct TemperatureSample: Sendable, Hashable {
    /// The lowest accepted temperature, -200.00 °C (below liquid-nitrogen dry shippers).
    public static let minimumCentiCelsius: Int32 = -20_000
    /// The highest accepted temperature, +150.00 °C.
    public static let maximumCentiCelsius: Int32 = 15_000

    /// When the reading was taken, in milliseconds since 1970-01-01T00:00:00Z (see ``TelemetryTime``).
    public var time: Int64
    /// The temperature in hundredths of a degree Celsius: `462` is +4.62 °C.
    public var centiCelsius: Int32
    /// The sensor (probe) index on the device, when it has more than one; `nil` for the only or main sensor.
    public var sensor: UInt16?

    /// Creates a reading; ``TelemetryBatch/validate()`` checks the ranges.
    public init(time: Int64, centiCelsius: Int32, sensor: UInt16? = nil) {
        self.time = time
        self.centiCelsius = centiCelsius
        self.sensor = sensor
    }

    /// The temperature in degrees Celsius (for display and analytics; the wire value is ``centiCelsius``).
    public var celsius: Double { Double(centiCelsius) / 100 }

    /// Throws when a value is out of range; `field` is the reading's position, for example `readings[3]` (built only
    /// for the error).
    func validate(field: @autoclosure () -> String) throws(TelemetryError) {
        try TelemetryTime.validate(time, field: field() + "[0]")
        guard (Self.minimumCentiCelsius...Self.maximumCentiCelsius).contains(centiCelsius) else {
            throw .outOfRange(field() + "[1]", "-20000...15000 (centi-degrees Celsius)")
        }
    }
}
