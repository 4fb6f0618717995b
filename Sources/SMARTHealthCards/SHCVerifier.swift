import CodedErrors
import CredentialVerification
import Deflate
import Foundation
import JOSE
import JSON
import Revocation
import Trust
import VaccinationRecord

/// Verifies SMART Health Cards offline: `shc:/…` QR text (one, or deprecated chunks one per line in any order),
/// a bare compact JWS, or a `.smart-health-card` file.
///
/// Steps, each reported as a check of ``VerificationResult`` (`format` ``CredentialFormat/smartHealthCard``):
/// 1. **decode**: input form, numeric QR, JWS shape (ES256, 64-byte r‖s), header `zip: DEF` and `kid`,
///    raw DEFLATE (capped), no byte order mark, a JSON object payload.
/// 2. **signature**: `kid` selects keys **of the card's `iss` only** (``TrustStore/keys(forIssuer:keyID:)``);
///    none is `UNKNOWN_KEY`, one whose kid is not its RFC 7638 thumbprint `JWK_WRONG_KID`, one without `use: sig`
///    and `alg: ES256` `JWK_INVALID`, one whose `x5c` does not vouch for it (``JWKCertificateChain``)
///    `JWK_X5C_INVALID`; ES256 over the received `header.payload` bytes.
/// 3. **keyUsage**: skipped (SMART Health Cards have no key usage).
/// 4. **time**: `nbf` (fractional seconds; milliseconds are an error) and optional `exp` (must follow `nbf`).
/// 5. **schema**: the claims and `vc` envelope (``SHCPayload``), the issuer URL, the FHIR Bundle
///    (``SHCBundleValidator``).
/// 6. **revocation**: when a revocation list for the signing key is configured, the list's validity and the
///    card's `rid`; skipped otherwise (with a warning when the key announces `crlVersion`).
///
/// A `.smart-health-card` file with several credentials gives the result of the first; the checks and errors
/// of the others are merged in (prefixed `verifiableCredential[i]`). ``verifyAll(_:context:)`` gives one result
/// per credential.
public struct SHCVerifier: Sendable {
    /// The largest inflated payload accepted.
    public static let maximumPayloadSize = 128 * 1024

    /// The deepest payload accepted (nested arrays and objects).
    static let maximumPayloadDepth = 64

    /// Raw DEFLATE state shared by all verifications.
    static let inflaters = InflaterPool(format: .raw)

    /// The `x5c` answers of the issuer keys this verifier (and its copies) used.
    private let certificateChainChecks = SHCCertificateChainChecks()

    /// Revocation lists (for example from ``SHCRevocationList/lists(besideJWKSFile:issuer:)``).
    public var revocationLists: [SHCRevocationList]
    /// Translates CVX to the record's code systems.
    public var codeTranslator: SHCCodeTranslator
    /// The country put into the record (SMART Health Cards carry none); reported as a credential warning.
    public var assumedCountry: CountryCode

    /// Creates a verifier.
    public init(
        revocationLists: [SHCRevocationList] = [], codeTranslator: SHCCodeTranslator = .standard,
        assumedCountry: CountryCode = CountryCode("US")!
    ) {
        self.revocationLists = revocationLists
        self.codeTranslator = codeTranslator
        self.assumedCountry = assumedCountry
    }

    /// Whether `text` looks like a SMART Health Card: `shc:/`, a card file (or FHIR `Parameters` response) whose
    /// first credential is a SMART Health Card JWS, or a
    /// compact JWS whose header has `zip: DEF` (or whose uncompressed payload has a `vc.credentialSubject.fhirBundle`).
    public static func canRead(_ text: Substring) -> Bool {
        let trimmed = text.drop { $0.isWhitespace }
        if trimmed.hasPrefix(SHCNumericQR.prefix) { return true }
        var body = trimmed
        while let last = body.last, last.isWhitespace { body = body.dropLast() }
        if body.hasPrefix("{") {
            // A W3C presentation also has verifiableCredential: require the first entry to be a SMART Health Card JWS.
            guard body.utf8.count <= SHCFile.maximumSize, let file = try? SHCFile(data: body.utf8),
                let first = file.verifiableCredentials.first, !first.hasPrefix("{")
            else { return false }
            return canRead(first[...])
        }
        // The header alone decides when it says zip DEF (so that a card with a broken alg or signature still
        // reaches this verifier and gets its error); otherwise the payload must hold a FHIR bundle.
        guard let dot = body.firstIndex(of: "."), body[..<dot].utf8.count <= 4 * CompactJWS.maximumHeaderLength,
            let header = try? Base64URL.decode(body[..<dot]),
            let headerJSON = try? JSONParser.parse(header, options: .init(maxBytes: CompactJWS.maximumHeaderLength, maxDepth: 8))
        else { return false }
        if headerJSON["zip"]?.stringValue == "DEF" { return true }
        guard let jws = try? CompactJWS(parsing: body),
            let json = try? JSONParser.parse(jws.payload, options: .init(maxBytes: maximumPayloadSize, maxDepth: maximumPayloadDepth))
        else { return false }
        return json["vc"]?["credentialSubject"]?["fhirBundle"] != nil
    }

    /// Verifies one input (QR text, JWS or file) at `context.validationTime` against `context.trustStore`.
    public func verify(_ text: Substring, context: VerificationContext) -> VerificationResult {
        var results = verifyAll(text, context: context)
        guard !results.isEmpty else { return VerificationResult(format: .smartHealthCard) }
        // Swapped out, not copied: a card is usually one credential.
        var result = VerificationResult(format: .smartHealthCard)
        swap(&result, &results[0])
        results.removeFirst()
        for (offset, other) in results.enumerated() {
            let index = offset + 1
            for (keyPath, outcome) in Self.checkPaths(other.checks) where outcome == .fail {
                result.checks[keyPath: keyPath] = .fail
            }
            result.errors += other.errors.map {
                GenericCodedError(code: $0.code, message: "verifiableCredential[\(index)]: \($0.message)")
            }
        }
        if !results.isEmpty {
            result.warnings.append(
                GenericCodedError(
                    code: SHCError.Code.notMapped.rawValue,
                    message: "expected one credential, found \(results.count + 1); the result describes the first and merges the checks of all"))
        }
        return result
    }

    /// Verifies every credential of an input: one result per JWS (a single result when the input form is bad).
    public func verifyAll(_ text: Substring, context: VerificationContext) -> [VerificationResult] {
        let decoded: SHCInput.Decoded
        do {
            decoded = try SHCInput.decode(text)
        } catch {
            var result = VerificationResult(format: .smartHealthCard)
            result.fail(\.decode, error)
            return [result]
        }
        return decoded.jwsTexts.map { jws in
            var result = verifyJWS(jws, context: context)
            result.warnings.insert(contentsOf: decoded.warnings.map { GenericCodedError($0) }, at: 0)
            return result
        }
    }

    /// Checks the claims of an unsigned, already decoded payload (time, schema, revocation id form): for
    /// tooling that validates payload files. The signature stays `skipped`, so the result is never valid.
    public func checkPayload(_ json: JSONValue, context: VerificationContext) -> VerificationResult {
        var result = VerificationResult(format: .smartHealthCard)
        result.formatPayload = json
        guard let tape = try? JSONTape(value: json) else {
            result.fail(\.decode, SHCError(.payloadJSON, "expected a JSON payload without repeated member names, found repeats"))
            return result
        }
        result.checks.decode = .pass
        result.issuer = tape.member("iss", of: tape.root).flatMap(tape.string(at:))
        checkTime(tape, at: context.validationTime, result: &result)
        let claims = checkSchema(tape, result: &result)
        if let rid = claims?.revocationID, !SHCRevocationList.isValidRID(rid) {
            result.fail(\.revocation, SHCError(.invalidRevocationList, "expected rid to be 1 to 24 base64url characters, found another value"))
        }
        return result
    }

    private func verifyJWS(_ text: String, context: VerificationContext) -> VerificationResult {
        // Filled in place and returned as is: returning the result from the checks' own frame copied it.
        var result = VerificationResult(format: .smartHealthCard)
        verifyJWS(text, context: context, into: &result)
        return result
    }

    private func verifyJWS(_ text: String, context: VerificationContext, into result: inout VerificationResult) {
        // 1. decode
        let jws: CompactJWS
        let tape: JSONTape
        do {
            if let first = text.utf8.first, let last = text.utf8.last, SHCInput.isSpace(first) || SHCInput.isSpace(last) {
                throw SHCError(.trailingCharacters, "expected no whitespace around the JWS, found some")
            }
            jws = try CompactJWS(parsing: text)
            guard jws.header.compression == "DEF" else {
                throw SHCError(.jwsHeader, "expected header zip DEF (raw DEFLATE), found \(jws.header.compression == nil ? "none" : "another value")")
            }
            guard let kid = jws.header.keyID, !kid.isEmpty else {
                throw SHCError(.jwsHeader, "expected a kid in the header, found none")
            }
            result.keyID = kid
            let inflated: [UInt8]
            // The closure takes the payload alone: capturing `jws` would copy all of it.
            let compressed = jws.payload
            do {
                inflated = try Self.inflaters.withInflater {
                    try $0.inflate(compressed, maxOutputSize: Self.maximumPayloadSize)
                }
            } catch let error as DeflateError {
                throw SHCError(.inflation, "expected a raw DEFLATE payload (no zlib header), found \(error.code)")
            }
            if inflated.starts(with: [0xEF, 0xBB, 0xBF]) {
                throw SHCError(.trailingCharacters, "expected the payload JSON without a byte order mark, found one")
            }
            do {
                // A tape, not a tree: the checks read what they need from it; the tree is built only if a caller
                // asks for `formatPayload` or the record.
                tape = try JSONTape(parsing: inflated, options: .init(maxBytes: Self.maximumPayloadSize, maxDepth: Self.maximumPayloadDepth))
            } catch {
                throw SHCError(.payloadJSON, "expected a JSON payload, found \((error as? JSONError)?.code ?? "invalid JSON")")
            }
            guard tape.kind(at: tape.root) == .object else {
                throw SHCError(.payloadJSON, "expected the payload to be a JSON object, found another JSON type")
            }
        } catch {
            result.fail(\.decode, error)
            return
        }
        result.checks.decode = .pass
        result.setFormatPayload { tape.value(at: tape.root) }
        let issuer = tape.member("iss", of: tape.root).flatMap(tape.string(at:))
        result.issuer = issuer
        if text.utf8.count > SHCNumericQR.maximumSingleJWSLength {
            result.warnings.append(
                GenericCodedError(
                    SHCError(.tooLargeForQR, "expected a JWS of at most \(SHCNumericQR.maximumSingleJWSLength) characters (one QR), found \(text.utf8.count)")))
        }

        // 2. signature
        let key = checkSignature(jws, issuer: issuer, context: context, result: &result)
        // 4. time
        checkTime(tape, at: context.validationTime, result: &result)
        // 5. schema
        let claims = checkSchema(tape, result: &result)
        // 6. revocation
        checkRevocation(claims, issuer: issuer ?? "", key: key, context: context, result: &result)

        if let claims {
            let mapper = SHCRecordMapper(translator: codeTranslator, country: assumedCountry)
            let kid = jws.header.keyID
            result.setCredential {
                // The claims are checked already: only the bundle's tree is built, nothing is read again.
                let payload = SHCPayload(claims: claims, in: tape, fhirBundle: tape.value(at: claims.bundle))
                return mapper.record(from: payload, keyID: kid)
            }
        }
    }

    private func checkSignature(
        _ jws: CompactJWS, issuer: String?, context: VerificationContext, result: inout VerificationResult
    ) -> JWK? {
        guard let issuer, let kid = jws.header.keyID else {
            result.fail(\.signature, SHCError(.schema, "expected iss (string) to select the issuer's keys, found none"))
            return nil
        }
        let keys = context.trustStore.keys(forIssuer: issuer, keyID: kid)
        guard !keys.isEmpty else {
            result.fail(\.signature, SHCError(.unknownKey, "expected a trusted key of the card's issuer with the card's kid, found none"))
            return nil
        }
        // The spec's rules for issuer keys: kid is the key's RFC 7638 thumbprint, and use sig and alg ES256 are
        // present (a key set read without those rules, shared with W3C VC issuers, may differ).
        var thumbprintKeyFound = false, declaredKeyFound = false
        var chainProblem: JOSEError?
        for key in keys where key.thumbprint == kid {
            thumbprintKeyFound = true
            guard key.use == "sig", key.algorithm == "ES256" else { continue }
            // A key that publishes a certificate chain must be vouched for by it (leaf key, SAN URI = iss).
            if let problem = certificateChainChecks.problem(of: key, issuer: issuer) {
                chainProblem = problem
                continue
            }
            declaredKeyFound = true
            guard jws.isValidSignature(for: key.publicKey) else { continue }
            result.checks.signature = .pass
            return key
        }
        if !declaredKeyFound, let chainProblem {
            result.fail(\.signature, chainProblem)
        } else if declaredKeyFound {
            result.fail(\.signature, JOSEError(.signatureInvalid, "expected an ES256 signature valid for the issuer's key \(kid), found one that is not"))
        } else if thumbprintKeyFound {
            result.fail(\.signature, JOSEError(.invalidKey, "expected the issuer's key \(kid) to declare use sig and alg ES256, found either missing"))
        } else {
            result.fail(\.signature, JOSEError(.wrongKeyID, "expected the issuer's key \(kid) to have its RFC 7638 thumbprint as kid, found another kid"))
        }
        return nil
    }

    private func checkTime(_ tape: JSONTape, at date: Date, result: inout VerificationResult) {
        let now = date.timeIntervalSince1970
        guard let nbf = tape.member("nbf", of: tape.root).flatMap(tape.double(at:)) else {
            result.fail(\.time, SHCError(.schema, "expected nbf to be a number, found none"))
            return
        }
        // Seconds past the year 5138 are milliseconds written by mistake (dev-tools NOT_YET_VALID).
        if nbf >= 1e11 {
            result.fail(\.time, SHCError(.notYetValid, "expected nbf in seconds, found a value in milliseconds"))
            return
        }
        let expNode = tape.member("exp", of: tape.root)
        var expiry = expNode.flatMap(tape.double(at:))
        if let exp = expiry, exp >= 1e11 {
            result.warnings.append(GenericCodedError(SHCError(.invalidExpiration, "expected exp in seconds, found a value in milliseconds; read as milliseconds")))
            expiry = exp / 1000
        }
        if expNode != nil, expiry == nil {
            result.fail(\.time, SHCError(.schema, "expected exp to be a number, found another JSON type"))
        } else if let exp = expiry, exp <= nbf {
            result.fail(\.time, SHCError(.invalidExpiration, "expected exp after nbf, found it at or before"))
        } else if now < nbf {
            result.fail(
                \.time,
                SHCError(.notYetValid, "expected a validation time at or after \(Timestamp.format(Date(timeIntervalSince1970: nbf))), found \(Timestamp.format(date))"))
        } else if let exp = expiry, now > exp {
            result.fail(
                \.time,
                SHCError(.expired, "expected a validation time at or before \(Timestamp.format(Date(timeIntervalSince1970: exp))), found \(Timestamp.format(date))"))
        } else {
            result.checks.time = .pass
        }
    }

    private func checkSchema(_ tape: JSONTape, result: inout VerificationResult) -> SHCClaims? {
        let claims: SHCClaims
        do {
            claims = try SHCClaims(tape: tape)
        } catch {
            result.fail(\.schema, error)
            return nil
        }
        var errors: [SHCError] = []
        if !claims.hasValidIssuerURL(in: tape) {
            errors.append(SHCError(.invalidIssuerURL, "expected iss to be an https URL without a trailing slash, found another value"))
        }
        let findings = SHCBundleValidator().validate(tape, bundle: claims.bundle)
        if !findings.errors.isEmpty {
            let shown = findings.errors.prefix(5).map(\.message).joined(separator: "; ")
            let more = findings.errors.count > 5 ? " (and \(findings.errors.count - 5) more)" : ""
            errors.append(SHCError(.fhirSchema, shown + more))
        }
        if !findings.warnings.isEmpty {
            let shown = findings.warnings.prefix(5).map(\.message).joined(separator: "; ")
            let more = findings.warnings.count > 5 ? " (and \(findings.warnings.count - 5) more)" : ""
            result.warnings.append(GenericCodedError(SHCError(.fhirSchema, shown + more)))
        }
        if errors.isEmpty {
            result.checks.schema = .pass
        } else {
            for error in errors { result.fail(\.schema, error) }
        }
        return claims
    }

    private func checkRevocation(
        _ payload: SHCClaims?, issuer: String, key: JWK?, context: VerificationContext, result: inout VerificationResult
    ) {
        let rid = payload?.revocationID
        if let rid, !SHCRevocationList.isValidRID(rid) {
            result.fail(\.revocation, SHCError(.invalidRevocationList, "expected rid to be 1 to 24 base64url characters, found another value"))
            return
        }
        guard let key, let payload, let kid = key.keyID else { return }
        if context.revocation != nil, let rid {
            result.revocationKeys.append(RevocationHashes.shcRID(issuer: issuer, kid: kid, rid: rid))
        }
        let lists = revocationLists.filter { $0.keyID == kid && ($0.issuer == nil || $0.issuer == issuer) }
        guard !lists.isEmpty else {
            if key.json["crlVersion"] != nil {
                result.warnings.append(
                    GenericCodedError(SHCError(.revocationListUnavailable, "expected the revocation list of key \(kid) (crlVersion set), found none configured")))
            }
            return
        }
        for list in lists {
            let problems = list.problems(for: key)
            if !problems.isEmpty {
                result.fail(\.revocation, SHCError(.invalidRevocationList, problems.prefix(5).joined(separator: "; ")))
                return
            }
            if let rid, list.isRevoked(rid: rid, notBefore: payload.notBefore) {
                result.fail(\.revocation, SHCError(.revoked, "expected the card's rid not to be revoked by the list of key \(kid), found it revoked"))
                return
            }
        }
        result.checks.revocation = .pass
    }

    private static func checkPaths(_ checks: VerificationChecks) -> [(WritableKeyPath<VerificationChecks, CheckOutcome>, CheckOutcome)] {
        [(\.decode, checks.decode), (\.signature, checks.signature), (\.keyUsage, checks.keyUsage), (\.time, checks.time),
         (\.schema, checks.schema), (\.revocation, checks.revocation)]
    }
}
