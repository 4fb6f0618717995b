import Foundation

/// A device's excursion out of its profile's range, as the ingest tracked it: closed, or still open (growing as
/// batches arrive). Identified by device, kind and start.
public struct StoredExcursion: Sendable, Hashable {
    public var deviceID: String
    /// `heat` or `freeze`.
    public var kind: String
    public var start: Date
    /// The end so far: the next in-range reading, or the latest reading while open.
    public var end: Date
    /// Whether the run still continues (no in-range reading after it yet).
    public var isOpen: Bool
    /// The most extreme temperature in the run, in °C.
    public var extremeC: Double

    /// Creates an excursion.
    public init(deviceID: String, kind: String, start: Date, end: Date, isOpen: Bool, extremeC: Double) {
        self.deviceID = deviceID
        self.kind = kind
        self.start = start
        self.end = end
        self.isOpen = isOpen
        self.extremeC = extremeC
    }
}
