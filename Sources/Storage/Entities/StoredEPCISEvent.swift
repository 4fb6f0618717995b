import Foundation

/// A captured GS1 EPCIS 2.0 event, identified by its CBV 2.0 event hash.
public struct StoredEPCISEvent: Sendable, Hashable {
    /// The event hash, `ni:///sha-256;...?ver=CBV2.0` (unique: capturing an event again stores nothing).
    public var hash: String
    /// `ObjectEvent`, `AggregationEvent`, `TransactionEvent`, `TransformationEvent` or `AssociationEvent`.
    public var eventType: String
    public var eventTime: Date
    /// The bare CBV business step (`shipping`), if any.
    public var bizStep: String?
    /// The event as captured (JSON-LD), to answer queries.
    public var json: [UInt8]
    public var capturedAt: Date

    /// Creates an event record.
    public init(
        hash: String, eventType: String, eventTime: Date, bizStep: String?, json: [UInt8], capturedAt: Date
    ) {
        self.hash = hash
        self.eventType = eventType
        self.eventTime = eventTime
        self.bizStep = bizStep
        self.json = json
        self.capturedAt = capturedAt
    }
}
