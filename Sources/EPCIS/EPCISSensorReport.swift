import JSON

/// One sensor report (a measurement or an exception).
public struct EPCISSensorReport: Sendable, Hashable {
    /// The measurement type (bare `Temperature` or an IRI).
    public var type: String?
    /// The single value, if given.
    public var value: Double?
    /// Minimum of an interval summary.
    public var minValue: Double?
    /// Maximum of an interval summary.
    public var maxValue: Double?
    /// Mean of an interval summary.
    public var meanValue: Double?
    /// UN/ECE Rec 20 unit (`CEL` for degrees Celsius).
    public var uom: String?
    /// Time of the reading.
    public var time: String?
    /// `ALARM_CONDITION` or `ERROR_CONDITION`, if any.
    public var exception: String?
    /// All members, including ones not modelled here.
    public var json: JSONObject
}
