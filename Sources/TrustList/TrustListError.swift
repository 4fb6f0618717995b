import CodedErrors

/// An error from reading, signing, verifying or importing a trust list, or the reason a document signer
/// certificate in it is refused, with a stable code.
///
/// Messages say what was expected and what was found (sizes, positions, issuer ids, kids), never certificate
/// bytes, key material or the signed payload.
public struct TrustListError: CodeIdentifiedError {
    /// Stable code of a trust-list error.
    public typealias Code = ErrorCode<TrustListError>

    /// The stable code.
    public let errorCode: Code
    /// What was expected and what was found.
    public let message: String

    /// Creates an error with a code and a message that holds no key material or payload bytes.
    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }
}

extension ErrorCode where Domain == TrustListError {
    // MARK: The signed list

    /// The signed list, its JWS header or its JSON payload does not have the trust-list form.
    public static let malformed = Self("TRUST_LIST_MALFORMED")
    /// The input is larger than the limit for its kind, or holds more issuers, certificates or keys than allowed.
    public static let tooLarge = Self("TRUST_LIST_TOO_LARGE")
    /// The JWS signature does not verify with the anchor named by its `kid`.
    public static let signatureInvalid = Self("TRUST_LIST_SIGNATURE_INVALID")
    /// The JWS `kid` names no configured trust anchor.
    public static let unknownAnchor = Self("TRUST_LIST_UNKNOWN_ANCHOR")
    /// The payload's format version is not one this code reads.
    public static let unsupportedVersion = Self("TRUST_LIST_UNSUPPORTED_VERSION")
    /// The list's sequence number is below the lowest one the caller still accepts (a replayed older list).
    public static let rollback = Self("TRUST_LIST_ROLLBACK")
    /// A list to be signed breaks a rule of the format (country, ids, windows, certificate sizes, keys).
    public static let invalid = Self("TRUST_LIST_INVALID")

    // MARK: Document signer certificates (one per refused DSC)

    /// The DSC's kid is in its issuer's revoked list: it and everything it signed are refused.
    public static let dscRevoked = Self("TRUST_LIST_DSC_REVOKED")
    /// The DSC cannot be read by swift-certificates, or its key is not supported.
    public static let dscUnreadable = Self("TRUST_LIST_DSC_UNREADABLE")
    /// No CSCA of the DSC's issuer issued it (issuer name and signature).
    public static let dscNotChained = Self("TRUST_LIST_DSC_NOT_CHAINED")
    /// The check time is after the DSC's notAfter.
    public static let dscExpired = Self("TRUST_LIST_DSC_EXPIRED")
    /// The check time is before the DSC's notBefore.
    public static let dscNotYetValid = Self("TRUST_LIST_DSC_NOT_YET_VALID")
    /// The DSC has no KeyUsage extension allowing digitalSignature (or an unreadable one).
    public static let dscKeyUsage = Self("TRUST_LIST_DSC_KEY_USAGE")
    /// The DSC's subject country (C) is not its issuer's country.
    public static let dscCountryMismatch = Self("TRUST_LIST_DSC_COUNTRY_MISMATCH")
    /// The check time is outside the issuer's validity window.
    public static let issuerOutsideWindow = Self("TRUST_LIST_ISSUER_OUTSIDE_WINDOW")
    /// The issuer is not allowed the credential type this material is for.
    public static let typeNotAllowed = Self("TRUST_LIST_TYPE_NOT_ALLOWED")
    /// A CSCA or VDS-NC signer CA cannot be read as a CA certificate, or is outside its validity at the check time.
    public static let authorityInvalid = Self("TRUST_LIST_AUTHORITY_INVALID")

    // MARK: Imports

    /// An imported document (EU gateway list, DID document) is not of the expected form as a whole.
    public static let importMalformed = Self("TRUST_LIST_IMPORT_MALFORMED")
    /// One entry of an imported document was skipped because it is malformed.
    public static let importEntryInvalid = Self("TRUST_LIST_IMPORT_ENTRY_INVALID")
    /// One entry of an imported document was skipped because its type is not imported.
    public static let importEntryUnsupported = Self("TRUST_LIST_IMPORT_ENTRY_UNSUPPORTED")
    /// One entry of an imported document was skipped because its kid or thumbprint does not match its certificate.
    public static let importEntryMismatch = Self("TRUST_LIST_IMPORT_ENTRY_MISMATCH")
}
