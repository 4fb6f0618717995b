import CodedErrors
import VaccinationRecord

/// One issued SMART Health Card in its delivery forms.
public struct SHCIssued: Sendable {
    /// The compact JWS.
    public let jws: String
    /// The numeric QR text(s): one `shc:/…` text (issuing refuses cards that need chunks).
    public let qrTexts: [String]
    /// The `.smart-health-card` file (`{"verifiableCredential": [jws]}`), compact JSON.
    public let fileData: [UInt8]
    /// The claims that were signed (before minification and compression).
    public let payload: SHCPayload
    /// The record as issued (certificate period and kid filled in).
    public let record: VaccinationRecord
    /// Record members a SMART Health Card cannot carry (each names the member, never its value).
    public let omitted: [GenericCodedError]
}
