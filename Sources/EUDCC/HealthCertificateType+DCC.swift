import JSON
import Trust

extension HealthCertificateType {
    /// The entry types a DCC holds (`v`, `t`, `r`); usually exactly one.
    static func types(in dcc: JSONValue) -> [HealthCertificateType] {
        var types: [HealthCertificateType] = []
        if dcc["v"] != nil { types.append(.vaccination) }
        if dcc["t"] != nil { types.append(.test) }
        if dcc["r"] != nil { types.append(.recovery) }
        return types
    }
}
