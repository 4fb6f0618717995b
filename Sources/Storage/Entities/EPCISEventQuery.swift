import Foundation

/// Filters for ``PlatformStore/epcisEvents(_:)``; nil matches anything. Results are ordered by event time, then
/// hash.
public struct EPCISEventQuery: Sendable, Hashable {
    /// Only events in the custody chain of this lot (GTIN and lot number).
    public var lot: (gtin: String, lot: String)?
    public var eventType: String?
    public var bizStep: String?
    /// Event time at or after.
    public var from: Date?
    /// Event time before.
    public var until: Date?
    /// At most this many events (1 to 10,000).
    public var limit: Int

    /// Creates a query.
    public init(
        lot: (gtin: String, lot: String)? = nil, eventType: String? = nil, bizStep: String? = nil, from: Date? = nil,
        until: Date? = nil, limit: Int = 1_000
    ) {
        self.lot = lot
        self.eventType = eventType
        self.bizStep = bizStep
        self.from = from
        self.until = until
        self.limit = limit
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.lot?.gtin == rhs.lot?.gtin && lhs.lot?.lot == rhs.lot?.lot && lhs.eventType == rhs.eventType
            && lhs.bizStep == rhs.bizStep && lhs.from == rhs.from && lhs.until == rhs.until && lhs.limit == rhs.limit
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(lot?.gtin)
        hasher.combine(lot?.lot)
        hasher.combine(eventType)
        hasher.combine(bizStep)
        hasher.combine(from)
        hasher.combine(until)
        hasher.combine(limit)
    }
}
