import JSON

/// One sensor element: metadata and the reports it carries.
public struct EPCISSensorElement: Sendable, Hashable {
    /// `sensorMetadata` (device, time range ...), if given.
    public var metadata: JSONObject?
    /// The reports.
    public var reports: [EPCISSensorReport]
    /// All members, including extensions.
    public var json: JSONObject
}
