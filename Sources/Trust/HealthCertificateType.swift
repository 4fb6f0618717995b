/// The kind of health certificate entry a document signer may sign (EU DCC `t`, `v`, `r`).
public enum HealthCertificateType: String, Sendable, CaseIterable, Hashable {
    /// A test result (`t`).
    case test
    /// A vaccination (`v`).
    case vaccination
    /// A recovery (`r`).
    case recovery

    /// The key of this entry type in the EU DCC payload: `t`, `v` or `r`.
    public var payloadKey: String {
        switch self {
        case .test: return "t"
        case .vaccination: return "v"
        case .recovery: return "r"
        }
    }

    /// The extended-key-usage OID that allows this type: `1.3.6.1.4.1.1847.2021.1.{1,2,3}`.
    public var extendedKeyUsageOID: String {
        "1.3.6.1.4.1.1847.2021.1.\(arc)"
    }

    /// The legacy form of the OID still found in many certificates: `1.3.6.1.4.1.0.1847.2021.1.{1,2,3}`.
    public var legacyExtendedKeyUsageOID: String {
        "1.3.6.1.4.1.0.1847.2021.1.\(arc)"
    }

    private var arc: Int {
        switch self {
        case .test: return 1
        case .vaccination: return 2
        case .recovery: return 3
        }
    }
}
