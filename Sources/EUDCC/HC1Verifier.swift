import CBOR
import COSE
import CodedErrors
import CredentialVerification
import Deflate
import Foundation
import JSON
import Revocation
import Trust
import VaccinationRecord

/// Verifies EU DCC / HCERT payloads (`HC1:`) offline.
///
/// Steps, each reported as a check of ``VerificationResult``:
/// 1. **decode**: prefix, Base45, zlib (capped), COSE_Sign1 (tag 18, untagged, or 61 around 18), CWT claims,
///    the `hcert` claim (-260) holding the DCC (key 1).
/// 2. **signature**: the kid (protected header first, then unprotected) selects trusted document signer
///    certificates; ES256 or PS256 over the protected header and payload bytes as received.
/// 3. **keyUsage**: the signer's Extended Key Usage allows the entry type (v, t, r).
/// 4. **time**: `iat <= validation time <= exp` (and `nbf` when present).
/// 5. **schema**: the DCC against the schema of its `ver`, and exactly one of v/t/r.
/// 6. **revocation**: skipped until revocation data is configured.
public struct HC1Verifier: Sendable {
    /// The schema validator (all releases compiled in).
    public var schemaValidator: DCCSchemaValidator

    public init(schemaValidator: DCCSchemaValidator = .shared) {
        self.schemaValidator = schemaValidator
    }

    /// Verifies one payload as a QR scanner returns it.
    ///
    /// - Parameters:
    ///   - text: the QR text (`HC1:...`); one trailing line break is tolerated.
    ///   - context: trusted keys and validation time.
    ///   - inflater: a reusable zlib inflater for hot loops (one per task); a new one is made when nil.
    public func verify(_ text: Substring, context: VerificationContext, inflater: Inflater? = nil) -> VerificationResult {
        var result = VerificationResult(format: .euDCC)

        // 1. decode
        let message: COSESign1
        let claims: HC1Claims
        do {
            let cose = try HC1Transport.decode(text, inflater: inflater)
            message = try COSESign1(decoding: cose)
            claims = try HC1Claims.decode(message.payload)
        } catch {
            result.fail(\.decode, error)
            return result
        }
        let dcc = claims.dcc
        result.checks.decode = .pass
        result.formatPayload = dcc
        result.issuer = claims.issuer

        if context.revocation != nil { result.revocationKeys = Self.revocationKeys(message, dcc: dcc, issuer: claims.issuer) }

        // 2. signature
        let signer = verifySignature(message, context: context, result: &result)

        // 3. key usage
        if let signer {
            let types = HealthCertificateType.types(in: dcc)
            if types.isEmpty {
                result.checks.keyUsage = .skipped
            } else if types.allSatisfy(signer.allows) {
                result.checks.keyUsage = .pass
            } else {
                let refused = types.filter { !signer.allows($0) }
                result.fail(
                    \.keyUsage,
                    EUDCCError(
                        .keyUsage,
                        "expected the signer's Extended Key Usage to allow \(refused.map(\.rawValue).joined(separator: ", ")), found \(signer.extendedKeyUsage?.joined(separator: " ") ?? "none")"
                    ))
            }
        }

        // 4. time
        checkTime(claims, at: context.validationTime, result: &result)

        // 5. schema, and the canonical record
        let problems = schemaValidator.violations(in: dcc)
        if problems.isEmpty {
            result.checks.schema = .pass
        } else {
            let shown = problems.prefix(5).joined(separator: "; ")
            let more = problems.count > 5 ? " (and \(problems.count - 5) more)" : ""
            result.fail(\.schema, EUDCCError(.schema, "expected a DCC valid against its schema: \(shown)\(more)"))
        }
        // The canonical record is best effort and built on first use: the checks above decide validity; what
        // does not map (an unknown country, a member the record has no place for) becomes a warning.
        let issuedAt = claims.issuedAt
        let expiresAt = claims.expirationTime
        let keyIDBytes = result.keyIDBytes
        result.setCredential {
            do {
                let mapping = try DCCPayload(json: dcc).mapToRecord(enforceRecordRules: false)
                var record = mapping.record
                record.applyCertificateMetadata(
                    issuedAt: issuedAt.map { Date(timeIntervalSince1970: $0) },
                    expiresAt: expiresAt.map { Date(timeIntervalSince1970: $0) },
                    keyID: keyIDBytes.map { Data($0).base64EncodedString() })
                let warnings = mapping.notes.map { GenericCodedError(code: $0.code, message: "\($0.path): \($0.message)") }
                return (record, warnings)
            } catch {
                return (nil, [GenericCodedError(error)])
            }
        }
        return result
    }

    /// The EU DCC revocation keys of a certificate (eu-dcc.md section 8): UCI and COUNTRYCODEUCI of the first
    /// entry's `ci` (with the CWT `iss`), and SIGNATURE of the COSE signature.
    static func revocationKeys(_ message: COSESign1, dcc: JSONValue, issuer: String?) -> [RevocationKey] {
        var keys: [RevocationKey] = []
        let entry = dcc["v"]?.arrayValue?.first ?? dcc["t"]?.arrayValue?.first ?? dcc["r"]?.arrayValue?.first
        if let uci = entry?["ci"]?.stringValue {
            keys.append(RevocationHashes.uci(uci))
            if let issuer { keys.append(RevocationHashes.countryCodeUCI(country: issuer, uci: uci)) }
        }
        if let value = (try? message.algorithm)??.rawValue, let algorithm = RevocationSignatureAlgorithm(coseAlgorithm: value) {
            keys.append(RevocationHashes.signature(coseSignature: Array(message.signature), algorithm: algorithm))
        }
        return keys
    }

    private func verifySignature(
        _ message: COSESign1, context: VerificationContext, result: inout VerificationResult
    ) -> DocumentSignerCertificate? {
        let keyID: ArraySlice<UInt8>
        do {
            guard let found = try message.keyID else {
                throw EUDCCError(.missingKeyID, "expected a kid in the protected or unprotected header, found none")
            }
            keyID = found
        } catch {
            result.fail(\.signature, error)
            return nil
        }
        result.keyIDBytes = Array(keyID)
        let candidates = context.trustStore.certificates(forKid: keyID)
        guard !candidates.isEmpty else {
            result.fail(
                \.signature,
                EUDCCError(
                    .unknownKey,
                    "expected a trusted certificate with kid \(result.keyID ?? ""), found none among \(context.trustStore.count)"
                ))
            return nil
        }
        var lastError: (any Error)?
        for index in candidates.indices {
            do {
                try message.verify(with: candidates[index].publicKey)
                result.checks.signature = .pass
                return candidates[index]
            } catch {
                lastError = error
            }
        }
        result.fail(\.signature, lastError ?? EUDCCError(.unknownKey, "expected a verifying certificate, found none"))
        return nil
    }

    private func checkTime(_ claims: HC1Claims, at date: Date, result: inout VerificationResult) {
        guard let issuedAt = claims.issuedAt, let expiration = claims.expirationTime else {
            result.fail(\.time, EUDCCError(.missingTime, "expected claims 6 (iat) and 4 (exp), found at least one missing"))
            return
        }
        let now = date.timeIntervalSince1970
        if now < issuedAt || (claims.notBefore.map { now < $0 } ?? false) {
            result.fail(
                \.time,
                EUDCCError(.notYetValid, "expected a validation time at or after \(Timestamp.format(Date(timeIntervalSince1970: max(issuedAt, claims.notBefore ?? issuedAt)))), found \(Timestamp.format(date))"))
        } else if now > expiration {
            result.fail(
                \.time,
                EUDCCError(.expired, "expected a validation time at or before \(Timestamp.format(Date(timeIntervalSince1970: expiration))), found \(Timestamp.format(date))"))
        } else {
            result.checks.time = .pass
        }
    }
}
