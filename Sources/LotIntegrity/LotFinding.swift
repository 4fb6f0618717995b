/// One finding of a lot evaluation, with a stable code.
///
/// Codes: `LOT_HEAT_ALARM`, `LOT_FREEZE_ALARM` (compromised: an excursion, clipped to the time the device watched the
/// lot, reached the alarm rule's minutes), `LOT_HEAT_EXCURSION`, `LOT_FREEZE_EXCURSION` (warning: shorter),
/// `LOT_EXPIRED` (expired), `LOT_RECALLED` (recalled), `LOT_UNMONITORED` (warning: a stretch of custody of at least
/// an hour that no device watched).
public struct LotFinding: Sendable, Hashable {
    /// An alarm-length heat excursion while watched.
    public static let heatAlarm = "LOT_HEAT_ALARM"
    /// An alarm-length freeze excursion while watched.
    public static let freezeAlarm = "LOT_FREEZE_ALARM"
    /// A heat excursion shorter than the alarm while watched.
    public static let heatExcursion = "LOT_HEAT_EXCURSION"
    /// A freeze excursion shorter than the alarm while watched.
    public static let freezeExcursion = "LOT_FREEZE_EXCURSION"
    /// The expiry date has passed.
    public static let expired = "LOT_EXPIRED"
    /// The lot is recalled.
    public static let recalled = "LOT_RECALLED"
    /// Custody without any watching device.
    public static let unmonitored = "LOT_UNMONITORED"

    /// The stable code.
    public var code: String
    /// The status this finding implies.
    public var status: LotStatus
    /// The device, for excursion findings.
    public var deviceID: String?
    /// Start in ms since 1970: of the clipped excursion, of the unmonitored stretch, or the first instant after the
    /// expiry day.
    public var start: Int64?
    /// End in ms since 1970 (clipped excursion, unmonitored stretch).
    public var end: Int64?
    /// `(end - start)` in minutes, when both are given; for a summary of short excursions, the longest one's.
    public var minutes: Double?
    /// The excursion's extreme temperature (the whole excursion's, not only the clipped part's); for a summary of
    /// short excursions, the most extreme of them.
    public var extremeC: Double?
    /// For a summary of short excursions: how many; nil for every other finding.
    public var occurrences: Int?
    /// For a summary of short excursions: their clipped minutes added up; nil for every other finding.
    public var totalMinutes: Double?

    /// A finding.
    public init(
        code: String, status: LotStatus, deviceID: String? = nil, start: Int64? = nil, end: Int64? = nil,
        minutes: Double? = nil, extremeC: Double? = nil, occurrences: Int? = nil, totalMinutes: Double? = nil
    ) {
        self.code = code
        self.status = status
        self.deviceID = deviceID
        self.start = start
        self.end = end
        self.minutes = minutes
        self.extremeC = extremeC
        self.occurrences = occurrences
        self.totalMinutes = totalMinutes
    }
}
