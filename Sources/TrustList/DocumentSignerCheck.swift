import Trust

/// The outcome of checking one document signer certificate (DSC) of a trust list: accepted, or refused with a
/// reason code.
public struct DocumentSignerCheck: Sendable {
    /// The id of the issuer the DSC is listed under.
    public let issuerID: String
    /// The DSC's kid (base64 of 8 bytes).
    public let kid: String
    /// The parsed certificate, when the DSC is accepted.
    public let certificate: DocumentSignerCertificate?
    /// Why the DSC is refused (`TRUST_LIST_DSC_*`, `TRUST_LIST_ISSUER_OUTSIDE_WINDOW`, `TRUST_LIST_TYPE_NOT_ALLOWED`,
    /// `TRUST_LIST_AUTHORITY_INVALID`); nil when it is accepted.
    public let refusal: TrustListError?

    /// Whether the DSC is accepted.
    public var isAccepted: Bool { refusal == nil }
}
