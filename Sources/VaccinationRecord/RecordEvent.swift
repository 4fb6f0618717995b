/// What the record attests: a vaccination, a test or a recovery (exactly one; JSON member `vaccination`,
/// `test` or `recovery`).
public enum RecordEvent: Sendable, Hashable {
    /// A vaccination (DDCC:VS `vaccination`; EU DCC `v`).
    case vaccination(VaccinationEvent)
    /// A test (EU DCC `t`).
    case test(TestEvent)
    /// A recovery (EU DCC `r`).
    case recovery(RecoveryEvent)

    /// The JSON member name of this kind of event.
    public var memberName: String {
        switch self {
        case .vaccination: return "vaccination"
        case .test: return "test"
        case .recovery: return "recovery"
        }
    }

    /// The vaccination, if this is one.
    public var vaccination: VaccinationEvent? {
        if case .vaccination(let event) = self { return event }
        return nil
    }

    /// The test, if this is one.
    public var test: TestEvent? {
        if case .test(let event) = self { return event }
        return nil
    }

    /// The recovery, if this is one.
    public var recovery: RecoveryEvent? {
        if case .recovery(let event) = self { return event }
        return nil
    }

    /// The country where the event took place.
    public var country: CountryCode {
        switch self {
        case .vaccination(let event): return event.country
        case .test(let event): return event.country
        case .recovery(let event): return event.country
        }
    }
}
