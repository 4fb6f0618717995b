import CodedErrors
import CredentialVerification
import Foundation
import JOSE
import JSON
import Trust
import VaccinationRecord

/// Verifies W3C Verifiable Credentials secured with VC-JOSE (compact JWS, ES256) offline.
///
/// Steps, each reported as a check of `VerificationResult` (format `.w3cVC`):
/// 1. **decode**: the compact JWS (at most 64 KiB, `alg` ES256), a `typ` that is a VC media type (or, without
///    `typ`, a payload typed `VerifiableCredential`), the payload as a JSON object, and the issuer: a `did:web`
///    DID or an https URL in `issuer` (or `issuer.id`), equal to `iss` when that claim is present.
/// 2. **signature**: the header `kid` (also its fragment, for DID URLs) selects keys of the issuer's JWK sets in
///    the trust store (`UNKNOWN_KEY` when none); the signature is checked over the bytes as received.
/// 3. **keyUsage**: skipped (JWKs carry no per-type usage).
/// 4. **time**: `validFrom`/`nbf`/`iat` ≤ validation time ≤ `validUntil`/`exp`, for those present.
/// 5. **schema**: VC Data Model 2.0 and vaccination-vocabulary structure.
/// 6. **revocation**: skipped.
///
/// The canonical record is built on first use (`setCredential`); what does not map becomes a warning.
public struct VCVerifier: Sendable {
    /// Creates a verifier.
    public init() {}

    /// Whether `text` is a compact JWS whose header `typ` is a VC media type, or whose payload is typed
    /// `VerifiableCredential`. Cheap enough for format detection; it does not verify anything.
    public static func canRead(_ text: Substring) -> Bool {
        let text = withoutLineBreak(text)
        guard text.utf8.count <= VCVocabulary.maximumLength,
            let jws = try? CompactJWS(parsing: text, maximumLength: VCVocabulary.maximumLength)
        else { return false }
        if let type = jws.header.type { return VCVocabulary.acceptedHeaderTypes.contains(type) }
        guard jws.header.compression == nil, let tape = try? payloadTape(jws) else { return false }
        return VCCredentialStructure.hasType(tape, tape.member("type", of: tape.root), "VerifiableCredential")
    }

    /// Verifies one compact JWS; one trailing line break (`\n` or `\r\n`) is tolerated, like `HC1:` input.
    public func verify(_ text: Substring, context: VerificationContext) -> VerificationResult {
        let text = Self.withoutLineBreak(text)
        var result = VerificationResult(format: .w3cVC)

        // 1. decode
        let jws: CompactJWS
        // A tape, not a tree: the checks read what they need from it; the tree is built only if a caller asks for
        // `formatPayload` or the record.
        let tape: JSONTape
        let issuerID: String
        do {
            jws = try CompactJWS(parsing: text, maximumLength: VCVocabulary.maximumLength)
            tape = try Self.payloadTape(jws)
            try Self.checkType(jws.header, tape)
            issuerID = try Self.issuer(in: tape)
        } catch {
            result.fail(\.decode, error)
            return result
        }
        result.checks.decode = .pass
        result.setFormatPayload { tape.value(at: tape.root) }
        result.issuer = issuerID
        result.keyID = jws.header.keyID

        // 2. signature
        verifySignature(jws, issuerID: issuerID, context: context, result: &result)

        // 4. time
        checkTime(tape, at: context.validationTime, result: &result)

        // 5. schema
        let problems = VCCredentialStructure.violations(in: tape, credential: tape.root)
        if problems.isEmpty {
            result.checks.schema = .pass
        } else {
            let shown = problems.prefix(5).joined(separator: "; ")
            let more = problems.count > 5 ? " (and \(problems.count - 5) more)" : ""
            result.fail(\.schema, W3CVCError(.schema, "expected a vaccination credential: \(shown)\(more)"))
        }

        let keyID = jws.header.keyID
        result.setCredential {
            do {
                let credential = tape.value(at: tape.root).objectValue ?? [:]
                let (record, warnings) = try VCRecordReader.record(from: credential, issuerID: issuerID, keyID: keyID)
                return (record, warnings)
            } catch {
                return (nil, [GenericCodedError(error)])
            }
        }
        return result
    }

    private func verifySignature(
        _ jws: CompactJWS, issuerID: String, context: VerificationContext, result: inout VerificationResult
    ) {
        guard let keyID = jws.header.keyID, !keyID.isEmpty else {
            result.fail(\.signature, W3CVCError(.missingKeyID, "expected a kid in the JWS header, found none"))
            return
        }
        var keys = context.trustStore.keys(forIssuer: issuerID, keyID: keyID)
        if keys.isEmpty, let hash = keyID.lastIndex(of: "#") {
            keys = context.trustStore.keys(forIssuer: issuerID, keyID: String(keyID[keyID.index(after: hash)...]))
        }
        // The signing keys among them, tried in order without building a filtered copy.
        var hasSigningKey = false
        for key in keys where key.isSigningKey {
            hasSigningKey = true
            if jws.isValidSignature(for: key.publicKey) {
                result.checks.signature = .pass
                return
            }
        }
        if !hasSigningKey {
            result.fail(
                \.signature,
                W3CVCError(.unknownKey, "expected a trusted ES256 key for the issuer with the header kid, found none"))
        } else {
            result.fail(
                \.signature,
                JOSEError(.signatureInvalid, "expected an ES256 signature valid for a trusted key, found none valid"))
        }
    }

    private func checkTime(_ tape: JSONTape, at date: Date, result: inout VerificationResult) {
        // The latest start and earliest end of those present; members are read in the order the errors name them.
        var start: Date?
        var end: Date?
        for member in Self.dateTimeMembers {
            guard let value = tape.member(member.name, of: tape.root) else { continue }
            guard let instant = VCTime.dateTimeStamp(tape, value) else {
                result.fail(
                    \.time,
                    W3CVCError(
                        .invalidTime, "expected \(member.name) as an RFC 3339 date-time with offset, found another value"))
                return
            }
            Self.include(instant, isStart: member.isStart, start: &start, end: &end)
        }
        for member in Self.numericDateMembers {
            guard let value = tape.member(member.name, of: tape.root) else { continue }
            guard let instant = VCTime.numericDate(tape, value) else {
                result.fail(
                    \.time, W3CVCError(.invalidTime, "expected \(member.name) as a number of seconds, found another value"))
                return
            }
            Self.include(instant, isStart: member.isStart, start: &start, end: &end)
        }
        if let start, date < start {
            result.fail(
                \.time,
                W3CVCError(
                    .notYetValid,
                    "expected a validation time at or after \(Timestamp.format(start)), found \(Timestamp.format(date))"
                ))
        } else if let end, date > end {
            result.fail(
                \.time,
                W3CVCError(
                    .expired,
                    "expected a validation time at or before \(Timestamp.format(end)), found \(Timestamp.format(date))")
            )
        } else {
            result.checks.time = .pass
        }
    }

    /// The date-time members of the validity period, and whether each starts it.
    private static let dateTimeMembers: [(name: StaticString, isStart: Bool)] = [
        (name: "validFrom", isStart: true), (name: "validUntil", isStart: false),
    ]
    /// The JWT NumericDate claims of the validity period, and whether each starts it.
    private static let numericDateMembers: [(name: StaticString, isStart: Bool)] = [
        (name: "nbf", isStart: true), (name: "iat", isStart: true), (name: "exp", isStart: false),
    ]

    /// Narrows the period: a start moves `start` later, an end moves `end` earlier.
    private static func include(_ instant: Date, isStart: Bool, start: inout Date?, end: inout Date?) {
        if isStart {
            start = start.map { max($0, instant) } ?? instant
        } else {
            end = end.map { min($0, instant) } ?? instant
        }
    }

    // MARK: Decode helpers

    /// `text` without one trailing `\n` or `\r\n`.
    static func withoutLineBreak(_ text: Substring) -> Substring {
        var text = text
        if text.utf8.last == UInt8(ascii: "\n") { text = Substring(text.utf8.dropLast()) }
        if text.utf8.last == UInt8(ascii: "\r") { text = Substring(text.utf8.dropLast()) }
        return text
    }

    /// The payload's tape; its root is an object.
    static func payloadTape(_ jws: CompactJWS) throws -> JSONTape {
        let options = JSONParser.Options(maxBytes: VCVocabulary.maximumLength, maxDepth: VCVocabulary.maximumDepth)
        guard jws.header.compression == nil else {
            throw W3CVCError(
                .payloadJSON,
                "expected an uncompressed payload, found zip \(jws.header.compression == "DEF" ? "DEF" : "set")")
        }
        let tape: JSONTape
        do {
            tape = try JSONTape(parsing: jws.payload, options: options)
        } catch {
            throw W3CVCError(.payloadJSON, "expected the payload to be JSON, found \(GenericText.code(of: error))")
        }
        guard tape.kind(at: tape.root) == .object else {
            throw W3CVCError(.payloadJSON, "expected the payload to be a JSON object, found another JSON type")
        }
        return tape
    }

    private static func checkType(_ header: JWSHeader, _ tape: JSONTape) throws {
        if let type = header.type {
            guard VCVocabulary.acceptedHeaderTypes.contains(type) else {
                throw W3CVCError(.notCredential, "expected typ vc+jwt, found another media type")
            }
        }
        guard VCCredentialStructure.hasType(tape, tape.member("type", of: tape.root), "VerifiableCredential") else {
            throw W3CVCError(.notCredential, "expected a payload of type VerifiableCredential, found none")
        }
    }

    private static func issuer(in tape: JSONTape) throws -> String {
        let issuer = tape.member("issuer", of: tape.root)
        guard let id = issuer.flatMap(tape.string(at:)) ?? issuer.flatMap({ tape.member("id", of: $0) }).flatMap(tape.string(at:)) else {
            throw W3CVCError(.invalidIssuer, "expected issuer as a string or an object with id, found none")
        }
        guard VCIssuerIdentifier.isValid(id) else {
            throw W3CVCError(
                .invalidIssuer, "expected the issuer to be a did:web DID or an https URL, found another value")
        }
        if let iss = tape.member("iss", of: tape.root) {
            // Compared as strings (canonical equivalence), as the claim was before the tape.
            guard tape.string(at: iss) == id else {
                throw W3CVCError(.invalidIssuer, "expected iss equal to the credential issuer, found a different value")
            }
        }
        return id
    }
}
