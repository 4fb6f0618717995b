import CodedErrors
import CredentialVerification
import Foundation
import JSON
import Trust
import VaccinationRecord

/// Verifies ICAO VDS-NC proofs of vaccination (`icao.vacc`) offline.
///
/// Steps, each reported as a check of ``VerificationResult``:
/// 1. **decode**: size (``VDSNCProfile/maximumInputSize``), JSON (depth ``VDSNCProfile/maximumDepth``, no
///    duplicate keys), `data.hdr.t` = `icao.vacc` and `v` = 1, `sig.alg`/`cer`/`sigvl` as base64url.
/// 2. **signature**: the embedded barcode signer certificate (BSC) must be issued by a trusted CSCA (its issuer
///    name is the CSCA's subject and the CSCA's key verifies it), or be itself a trusted document signer
///    certificate; an untrusted BSC is `UNKNOWN_KEY`. Then `sigvl` must verify over the RFC 8785 canonical
///    `data` with the BSC key (`ES256`; `ES384` and `ES512` are read too), and `data.hdr.is` must name the BSC's
///    state (its subject C as a Doc 9303-3 code), else `ICAO_ISSUER_MISMATCH`.
/// 3. **keyUsage**: a BSC with a KeyUsage extension must allow digitalSignature (skipped without one).
/// 4. **time**: the BSC, and the CSCA that issued it, are valid at the validation time (the seal itself has no
///    issuing or expiry time).
/// 5. **schema**: the `icao.vacc` profile (``VDSNCPayload/parse(_:)``): members, types, lengths, formats.
/// 6. **revocation**: skipped (no CRL support yet).
///
/// The canonical record is built on first use (see ``VDSNCPayload/mapToRecord(codes:)``).
public struct VDSNCVerifier: Sendable {
    /// How the seal's ICD-11 codes are checked against the code tables (unknown ones become warnings).
    public var codes: VDSNCCodeTranslation

    /// Creates a verifier.
    public init(codes: VDSNCCodeTranslation = .standard) {
        self.codes = codes
    }

    /// Whether `text` looks like a VDS-NC proof of vaccination: a JSON object whose `data.hdr.t` is `icao.vacc`.
    /// Text beyond the size limit counts when it starts with `{` and names `icao.vacc`, so that verification can
    /// report it as too large.
    public static func canRead(_ text: Substring) -> Bool {
        guard text.utf8.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{") else {
            return false
        }
        if text.utf8.count > VDSNCProfile.maximumInputSize {
            return text.contains("\"\(VDSNCProfile.vaccinationType)\"")
        }
        let options = JSONParser.Options(maxBytes: VDSNCProfile.maximumInputSize, maxDepth: VDSNCProfile.maximumDepth)
        guard let root = try? JSONParser.parse(text.utf8, options: options) else { return false }
        return root["data"]?["hdr"]?["t"]?.stringValue == VDSNCProfile.vaccinationType
    }

    /// Verifies one seal as a scanner returns it (trailing line breaks are tolerated).
    public func verify(_ text: Substring, context: VerificationContext) -> VerificationResult {
        var result = VerificationResult(format: .icaoVDSNC)

        // 1. decode
        let seal: VDSNCSeal
        do {
            seal = try VDSNCSeal(text: text)
        } catch {
            result.fail(\.decode, error)
            return result
        }
        result.checks.decode = .pass
        // The tree of `data` is built only when a caller asks for the format payload.
        result.setFormatPayload { seal.data }
        result.issuer = seal.issuingState
        // 2. signature (and the chain to a trusted CSCA)
        let signer = BarcodeSignerCheck(seal: seal, trustStore: context.trustStore)
        result.keyIDBytes = signer.kid
        switch signer.outcome {
        case .trusted:
            do {
                try signer.verifySignature(of: seal)
                // A valid signature of a trusted signer, for its own state only.
                if let error = signer.issuingStateError(of: seal) { throw error }
                result.checks.signature = .pass
            } catch {
                result.fail(\.signature, error)
            }
        case .failed(let error):
            result.fail(\.signature, error)
        }

        // 3. key usage
        if result.checks.signature == .pass {
            switch signer.keyUsageAllowsSigning {
            case true?: result.checks.keyUsage = .pass
            case false?:
                result.fail(
                    \.keyUsage,
                    VDSNCError(
                        .keyUsage,
                        "expected the barcode signer certificate's KeyUsage to allow digitalSignature, found it does not"
                    ))
            case nil: result.checks.keyUsage = .skipped
            }
        }

        // 4. time
        if signer.hasCertificate {
            if let error = signer.validityError(at: context.validationTime) {
                result.fail(\.time, error)
            } else {
                result.checks.time = .pass
            }
        }

        // 5. schema, and the canonical record
        let parsed = VDSNCPayload.parse(seal.tape, data: seal.dataNode)
        let problems =
            parsed.violations
            + seal.unexpectedMembers.map { "\($0): expected only the members of the profile, found another member" }
        if problems.isEmpty {
            result.checks.schema = .pass
        } else {
            let shown = problems.prefix(5).joined(separator: "; ")
            let more = problems.count > 5 ? " (and \(problems.count - 5) more)" : ""
            result.fail(
                \.schema, VDSNCError(.schema, "expected data valid against the icao.vacc profile: \(shown)\(more)"))
        }
        let payload = parsed.payload
        let codes = self.codes
        let kid = signer.kid
        result.setCredential {
            guard let payload else {
                return (
                    nil,
                    [
                        GenericCodedError(
                            VDSNCError(
                                .unmappable,
                                "data: expected the required members of icao.vacc, found some missing (see the schema check)"
                            ))
                    ]
                )
            }
            do {
                var (record, warnings) = try payload.mapToRecord(codes: codes)
                // `result.keyID`: base64 of the kid, encoded only when the record is asked for.
                record.certificate.kid = Data(kid).base64EncodedString()
                return (record, warnings)
            } catch {
                return (nil, [GenericCodedError(error)])
            }
        }
        return result
    }
}
