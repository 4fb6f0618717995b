import CodedErrors
import Foundation
import JSON
import Revocation
import VaccinationRecord

/// What a verifier found about one payload; the same type for every credential format.
///
/// Its ``json`` form is the `dvc verify --json` and `POST /api/v1/verify` contract.
public struct VerificationResult: Sendable {
    /// The detected format, or nil when the payload matched none.
    public var format: CredentialFormat?
    /// The individual checks.
    public var checks = VerificationChecks()
    /// Why checks failed, each with a stable code. Never holds personal data.
    public var errors: [GenericCodedError] = []
    /// Findings that do not invalidate the credential (for example a stale trust list). What the payload-to-record
    /// mapping could not carry over is in ``credentialWarnings``.
    public var warnings: [GenericCodedError] = []
    /// The issuer as the credential names it (EU DCC: the CWT `iss` country code).
    public var issuer: String?
    /// The key identifier as text: base64 of ``keyIDBytes`` (EU DCC: the 8-byte COSE kid), or the format's own
    /// text form (SMART Health Cards: the JWK thumbprint).
    public var keyID: String? {
        get { keyIDText ?? keyIDBytes.map { Data($0).base64EncodedString() } }
        set { keyIDText = newValue }
    }

    /// The key identifier as bytes, when the format has binary ones; its text form is made on access.
    public var keyIDBytes: [UInt8]?

    private var keyIDText: String?
    /// The canonical record, when the payload decoded; built on first access (see ``setCredential(mappedBy:)``).
    public var credential: VaccinationRecord? {
        get { lazyCredential?.value.record }
        set { lazyCredential = LazyValue(value: CredentialMapping(record: newValue, warnings: credentialWarnings)) }
    }

    /// What the mapping into the canonical record could not carry over (unknown members, more than one entry...).
    public var credentialWarnings: [GenericCodedError] {
        lazyCredential?.value.warnings ?? []
    }

    /// The record and what the mapping could not carry over.
    private struct CredentialMapping: Sendable {
        var record: VaccinationRecord?
        var warnings: [GenericCodedError]
    }

    private var lazyCredential: LazyValue<CredentialMapping>?

    /// The format's own decoded payload (EU DCC: the DCC JSON), for callers that need more than the record.
    /// A verifier may build it on first access (see ``setFormatPayload(_:)``).
    public var formatPayload: JSONValue? {
        get {
            switch storedFormatPayload {
            case .made(let value): return value
            case .lazy(let lazy): return lazy.value
            }
        }
        set { storedFormatPayload = .made(newValue) }
    }

    /// The payload tree, or how to build it.
    private enum FormatPayload: Sendable {
        case made(JSONValue?)
        case lazy(LazyValue<JSONValue?>)
    }

    private var storedFormatPayload = FormatPayload.made(nil)
    /// The keys under which revocation data may list this credential (EU DCC: UCI, COUNTRYCODEUCI, SIGNATURE;
    /// SMART Health Cards: SHC_RID; every format: CERTIFICATE and UCI of its identifier). Collected only when the
    /// context has a revocation snapshot; see ``checkRevocation(against:at:)``.
    public var revocationKeys: [RevocationKey] = []

    public init(format: CredentialFormat? = nil) {
        self.format = format
    }

    /// Sets how the canonical record is built from the payload: `map` runs once, on the first access of
    /// ``credential``, ``credentialWarnings`` or ``json``. It returns the record (nil when the payload does not
    /// map) and warnings without personal data.
    public mutating func setCredential(
        mappedBy map: @escaping @Sendable () -> (record: VaccinationRecord?, warnings: [GenericCodedError])
    ) {
        lazyCredential = LazyValue {
            let (record, warnings) = map()
            return CredentialMapping(record: record, warnings: warnings)
        }
    }

    /// Sets how ``formatPayload`` is built: `make` runs once, on its first access (SMART Health Cards are
    /// checked without building the payload's tree).
    public mutating func setFormatPayload(_ make: @escaping @Sendable () -> JSONValue?) {
        storedFormatPayload = .lazy(LazyValue(make))
    }

    /// True only when the signature passed and no check failed.
    public var isValid: Bool { checks.signature == .pass && checks.noneFailed }

    /// Records a failed check with its error.
    public mutating func fail(_ keyPath: WritableKeyPath<VerificationChecks, CheckOutcome>, _ error: any Error) {
        checks[keyPath: keyPath] = .fail
        errors.append(GenericCodedError(error))
    }

    /// The result as the JSON contract: `format, valid, checks, errors, issuer, kid, credential`.
    public var json: JSONValue {
        var object = JSONObject()
        object["format"] = format.map { .string($0.rawValue) } ?? .null
        object["valid"] = .bool(isValid)
        var checksObject = JSONObject()
        for (name, outcome) in checks.named { checksObject[name] = .string(outcome.rawValue) }
        object["checks"] = .object(checksObject)
        object["errors"] = .array(errors.map(Self.json(for:)))
        let allWarnings = warnings + credentialWarnings
        if !allWarnings.isEmpty { object["warnings"] = .array(allWarnings.map(Self.json(for:))) }
        object["issuer"] = issuer.map { .string($0) } ?? .null
        object["kid"] = keyID.map { .string($0) } ?? .null
        object["credential"] = credential?.json ?? .null
        return .object(object)
    }

    private static func json(for error: GenericCodedError) -> JSONValue {
        .object(["code": .string(error.code), "message": .string(error.message)])
    }
}
