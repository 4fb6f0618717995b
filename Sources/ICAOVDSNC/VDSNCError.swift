import CodedErrors

/// An error from issuing or verifying an ICAO VDS-NC, with a stable code.
///
/// Messages name the field (as a JSON path such as `msg.pid.n`) and what was expected and found (lengths, types),
/// never the value: seals carry names, birth dates and document numbers.
///
/// Outcomes that every format shares use the shared codes (`UNKNOWN_KEY`, `EXPIRED`, `NOT_YET_VALID`,
/// `KEY_USAGE_NOT_ALLOWED`, `SCHEMA_INVALID`), so that callers can treat them alike.
public struct VDSNCError: CodeIdentifiedError {
    /// Stable code of a VDS-NC error.
    public typealias Code = ErrorCode<VDSNCError>

    /// The stable code.
    public let errorCode: Code
    /// What was expected and what was found (never a value from the seal).
    public let message: String

    /// Creates an error; the message must not quote personal data.
    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }
}

extension ErrorCode where Domain == VDSNCError {
    /// The input is larger than ``VDSNCProfile/maximumInputSize``.
    public static let tooLarge = Self("ICAO_TOO_LARGE")
    /// The seal is not a JSON object with `data` (`hdr`, `msg`) and `sig` (`alg`, `cer`, `sigvl`) of the right
    /// types, or `cer`/`sigvl` is not base64url.
    public static let invalidPayload = Self("ICAO_INVALID_PAYLOAD")
    /// `data.hdr.t` is not `icao.vacc`, or `data.hdr.v` is not a supported version.
    public static let unsupportedType = Self("ICAO_UNSUPPORTED_TYPE")
    /// `sig.alg` is not ES256, ES384 or ES512, or does not fit the signer's key.
    public static let unsupportedAlgorithm = Self("ICAO_UNSUPPORTED_ALGORITHM")
    /// `sig.cer` is not base64url of an X.509 certificate with an EC key.
    public static let invalidCertificate = Self("ICAO_INVALID_CERTIFICATE")
    /// `sig.sigvl` is not a valid signature of the canonical `data` by the barcode signer.
    public static let invalidSignature = Self("ICAO_SIGNATURE_INVALID")
    /// No trusted CSCA issued the barcode signer certificate (and the certificate itself is not trusted).
    public static let unknownKey = Self("UNKNOWN_KEY")
    /// `data.hdr.is` does not name the state of the barcode signer certificate (its subject C), or the certificate
    /// names no state: a state's CSCA certifies the signers of that state's seals only.
    public static let issuerMismatch = Self("ICAO_ISSUER_MISMATCH")
    /// The barcode signer certificate's KeyUsage does not allow digital signatures.
    public static let keyUsage = Self("KEY_USAGE_NOT_ALLOWED")
    /// The barcode signer (or its CSCA) certificate ended before the validation time.
    public static let expired = Self("EXPIRED")
    /// The barcode signer (or its CSCA) certificate starts after the validation time.
    public static let notYetValid = Self("NOT_YET_VALID")
    /// The message does not match the `icao.vacc` structure (types, required members, formats, lengths).
    public static let schema = Self("SCHEMA_INVALID")
    /// A field is longer than the ICAO profile allows (issuance).
    public static let fieldTooLong = Self("ICAO_FIELD_TOO_LONG")
    /// The record cannot be written as an `icao.vacc` seal (not a vaccination, a required member missing...).
    public static let unmappable = Self("ICAO_UNMAPPABLE")
    /// A code has no ICD-11 equivalent (an error on issue, a warning on verify).
    public static let unmappedCode = Self("ICAO_UNMAPPED_CODE")
    /// A dose of the seal that the canonical record (one vaccination) does not carry (a warning).
    public static let extraDose = Self("ICAO_EXTRA_DOSE")
    /// The issuer cannot sign: the key does not belong to the certificate, no issuing state is known (or the one
    /// given is not the certificate's state), or the certificate is not valid at the issuing time.
    public static let issuance = Self("ICAO_ISSUANCE")
}
