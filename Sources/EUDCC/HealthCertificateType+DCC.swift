import JSON
import Trust

extension HealthCertificateType {
    /// The entry types a DCC holds (`v`, `t`, `r`); usually exactly one.
    static func types(in dcc: JSONValue) -> LazyFilterSequence<[HealthCertificateType]> {
        allCases.lazy.filter { dcc[$0.payloadKey] != nil }
    }
}
