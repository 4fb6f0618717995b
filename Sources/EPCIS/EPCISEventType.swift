/// The five EPCIS 2.0 event types.
public enum EPCISEventType: String, Sendable, Hashable, CaseIterable {
    /// Observation, commissioning or decommissioning of objects (EPCs or quantities).
    case objectEvent = "ObjectEvent"
    /// Packing objects into or out of a parent (e.g. vials into a case, cases onto a pallet).
    case aggregationEvent = "AggregationEvent"
    /// Association of objects with business transactions (orders, dispatch advices).
    case transactionEvent = "TransactionEvent"
    /// Inputs consumed and outputs produced (e.g. reconstitution, repackaging).
    case transformationEvent = "TransformationEvent"
    /// Association of devices or components with a parent (e.g. a logger with a shipper).
    case associationEvent = "AssociationEvent"

    /// Whether `action` is required for this type (all but TransformationEvent).
    public var requiresAction: Bool { self != .transformationEvent }
}
