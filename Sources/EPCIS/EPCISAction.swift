/// The EPCIS `action` of an event.
public enum EPCISAction: String, Sendable, Hashable, CaseIterable {
    /// Objects created or associated.
    case add = "ADD"
    /// Objects observed without change.
    case observe = "OBSERVE"
    /// Objects removed or disassociated.
    case delete = "DELETE"
}
