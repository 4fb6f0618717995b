/// One position fix of a tracker: a time, and latitude and longitude in units of 1e-7 degree (WGS 84).
///
/// Encoded as the CBOR array `[time, latitude, longitude]` (docs/TELEMETRY.md). 1e-7 degree is about 1.1 cm.
public struct PositionSample: Sendable, Hashable {
    /// The largest absolute latitude, 90 degrees, in 1e-7 degree.
    public static let maximumLatitude: Int32 = 900_000_000
    /// The largest absolute longitude, 180 degrees, in 1e-7 degree.
    public static let maximumLongitude: Int32 = 1_800_000_000

    /// When the fix was taken, in milliseconds since 1970-01-01T00:00:00Z (see ``TelemetryTime``).
    public var time: Int64
    /// Latitude in 1e-7 degree, -900000000...900000000; north is positive.
    public var latitudeE7: Int32
    /// Longitude in 1e-7 degree, -1800000000...1800000000; east is positive.
    public var longitudeE7: Int32

    /// Creates a fix; ``TelemetryBatch/validate()`` checks the ranges.
    public init(time: Int64, latitudeE7: Int32, longitudeE7: Int32) {
        self.time = time
        self.latitudeE7 = latitudeE7
        self.longitudeE7 = longitudeE7
    }

    /// Latitude in degrees.
    public var latitude: Double { Double(latitudeE7) / 10_000_000 }
    /// Longitude in degrees.
    public var longitude: Double { Double(longitudeE7) / 10_000_000 }

    /// Throws when a value is out of range; `field` is the fix's position, for example `positions[3]`.
    func validate(field: @autoclosure () -> String) throws(TelemetryError) {
        try TelemetryTime.validate(time, field: field() + "[0]")
        guard (-Self.maximumLatitude...Self.maximumLatitude).contains(latitudeE7) else {
            throw .outOfRange(field() + "[1]", "-900000000...900000000 (1e-7 degree)")
        }
        guard (-Self.maximumLongitude...Self.maximumLongitude).contains(longitudeE7) else {
            throw .outOfRange(field() + "[2]", "-1800000000...1800000000 (1e-7 degree)")
        }
    }
}
