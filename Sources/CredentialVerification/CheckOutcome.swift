/// The outcome of one verification check.
public enum CheckOutcome: String, Sendable, Hashable {
    case pass
    case fail
    /// The check did not run: an earlier step failed, or there was nothing to check against.
    case skipped
}
