import Foundation

/// One step of a lot's custody chain: from `time` on, the lot is at `locations` (until its next entry), as an
/// EPCIS event said.
public struct LotCustodyEntry: Sendable, Hashable {
    public var gtin: String
    public var lot: String
    public var time: Date
    /// The event hash of the EPCIS event this entry comes from.
    public var eventHash: String
    /// Normalised location identifiers (read point, business location, shipment SSCCs).
    public var locations: [String]
    /// Whether the lot is in transit (shipping) from `time` on.
    public var inTransit: Bool

    /// Creates an entry.
    public init(gtin: String, lot: String, time: Date, eventHash: String, locations: [String], inTransit: Bool) {
        self.gtin = gtin
        self.lot = lot
        self.time = time
        self.eventHash = eventHash
        self.locations = locations
        self.inTransit = inTransit
    }
}
