/// One custody step of a lot, derived from an EPCIS event by ``CustodyExtractor``: where the lot was from `time` on
/// (until the lot's next step).
public struct CustodyStep: Sendable, Hashable {
    /// The lot.
    public var lot: LotIdentity
    /// The event time in milliseconds since 1970-01-01 UTC.
    public var time: Int64
    /// The places the lot is at: normalised (``CustodyExtractor/normaliseLocation(_:)``), sorted, unique. For a
    /// shipment the SSCCs of the logistic units it travels in; otherwise read point, business location and SSCCs.
    public var locations: [String]
    /// Whether the step is a shipment (bizStep `shipping` or disposition `in_transit`).
    public var inTransit: Bool
    /// The lot's expiry date `YYYY-MM-DD` from the event's ILMD (`cbvmda:itemExpirationDate`), if given.
    public var expiry: String?

    /// A custody step; `locations` are stored normalised, sorted and unique.
    public init(lot: LotIdentity, time: Int64, locations: [String], inTransit: Bool, expiry: String? = nil) {
        self.lot = lot
        self.time = time
        self.locations = Array(Set(locations.map(CustodyExtractor.normaliseLocation))).sorted()
        self.inTransit = inTransit
        self.expiry = expiry
    }
}
