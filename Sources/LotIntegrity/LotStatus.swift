/// The integrity status of a lot, from best to worst as reported; severity is
/// `recalled` > `compromised` > `expired` > `warning` > `ok`.
public enum LotStatus: String, Sendable, Hashable, CaseIterable {
    /// Nothing found.
    case ok
    /// An excursion shorter than the alarm, or a stretch without monitoring.
    case warning
    /// An excursion while the lot was watched reached an alarm rule's minutes.
    case compromised
    /// The expiry date has passed.
    case expired
    /// The lot is recalled.
    case recalled

    /// The rank used to pick the overall status (higher is worse).
    public var severity: Int {
        switch self {
        case .ok: return 0
        case .warning: return 1
        case .expired: return 2
        case .compromised: return 3
        case .recalled: return 4
        }
    }
}
