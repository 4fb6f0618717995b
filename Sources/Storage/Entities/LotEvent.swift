import Foundation

/// Something that happened to a lot, kept as an append-only history: a status change with its reason, a recall,
/// or an admin's override to record a vaccination despite the lot's status.
public struct LotEvent: Sendable, Hashable, Identifiable {
    /// What kind of event.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The lot's evaluated status changed.
        case statusChanged = "status_changed"
        /// The lot was recalled.
        case recall
        /// An admin recorded a vaccination with the lot despite its status.
        case override
    }

    public var id: UUID
    public var gtin: String
    public var lot: String
    public var kind: Kind
    /// The status after the event (`ok`, `warning`, `compromised`, `expired`, `recalled`).
    public var status: String
    /// A stable reason code (`LOT_HEAT_ALARM`, `LOT_RECALLED`, ...).
    public var reasonCode: String
    /// Details for auditors: device id, excursion times, a stated reason. No personal data.
    public var detail: String
    /// The principal that caused it (a recall, an override), or nil for the evaluation.
    public var principalID: UUID?
    public var createdAt: Date

    /// Creates an event.
    public init(
        id: UUID = UUID(), gtin: String, lot: String, kind: Kind, status: String, reasonCode: String,
        detail: String, principalID: UUID? = nil, createdAt: Date
    ) {
        self.id = id
        self.gtin = gtin
        self.lot = lot
        self.kind = kind
        self.status = status
        self.reasonCode = reasonCode
        self.detail = detail
        self.principalID = principalID
        self.createdAt = createdAt
    }
}
