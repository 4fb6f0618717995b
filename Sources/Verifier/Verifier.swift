import CodedErrors
import CredentialVerification
import Deflate
import EUDCC
import Foundation
import ICAOVDSNC
import Revocation
import SMARTHealthCards
import Trust
import W3CVerifiableCredentials

/// The one entry point for verifying a health certificate in any supported format, offline.
///
/// ```swift
/// let verifier = Verifier(trustStore: store)
/// let result = verifier.verify(scannedText)
/// if result.isValid { ... result.credential ... }
/// ```
/// The format is detected from the payload; every format returns the same ``VerificationResult``
/// with the same canonical record, so callers can compare records across formats.
public struct Verifier: Sendable {
    /// Trusted keys.
    public var trustStore: TrustStore
    /// Offline revocation data: when set, every verification looks the credential's keys up in it
    /// (``VerificationResult/checkRevocation(against:at:)``) and reports `checks.revocation`.
    public var revocationSnapshot: RevocationSnapshot?
    /// Key identifiers (8-byte DSC kids) of signers a trust list revoked: a credential signed under one fails
    /// `checks.revocation` with `TRUST_LIST_DSC_REVOKED`, whether or not its signature could be checked (revoking
    /// a DSC revokes everything it signed).
    public var revokedSignerKeyIDs: Set<[UInt8]> = []
    /// Findings about the verifier's own trust material (a trust list past its next update: `STALE_TRUST_LIST`),
    /// added to the warnings of every result.
    public var trustWarnings: [GenericCodedError] = []
    private let hc1 = HC1Verifier()
    private var shc = SHCVerifier()
    private let vds = VDSNCVerifier()
    private let vc = VCVerifier()

    /// SMART Health Card revocation lists (`crl/<kid>.json` beside an issuer's JWKS, see
    /// ``SHCRevocationList/lists(besideJWKSFile:issuer:)``): a card whose `rid` a list names is revoked.
    public var smartHealthCardRevocationLists: [SHCRevocationList] {
        get { shc.revocationLists }
        set { shc.revocationLists = newValue }
    }

    /// A verifier of every format against `trustStore`, with the SMART Health Card revocation lists and the
    /// revocation snapshot it should apply.
    public init(
        trustStore: TrustStore, smartHealthCardRevocationLists: [SHCRevocationList] = [],
        revocationSnapshot: RevocationSnapshot? = nil
    ) {
        self.trustStore = trustStore
        self.revocationSnapshot = revocationSnapshot
        self.shc = SHCVerifier(revocationLists: smartHealthCardRevocationLists)
    }

    /// Verifies one payload at `time` (default: now).
    public func verify(_ payload: String, at time: Date = Date()) -> VerificationResult {
        verify(Substring(payload), at: time, inflater: nil)
    }

    /// Makes a session for verifying many payloads on one task: it reuses decompression state.
    public func makeSession() -> VerificationSession {
        VerificationSession(verifier: self)
    }

    func verify(_ payload: Substring, at time: Date, inflater: Inflater?) -> VerificationResult {
        // One context, and the result changed in place and returned as is (a copy of it costs a reference count
        // for each of its arrays and strings).
        let context = VerificationContext(trustStore: trustStore, validationTime: time, revocation: revocationSnapshot)
        var result = verifyFormat(payload, context: context, inflater: inflater)
        if let revocationSnapshot {
            result.revocationKeys += Self.identifierKeys(result)
            result.checkRevocation(against: revocationSnapshot, at: time)
        }
        if !revokedSignerKeyIDs.isEmpty { checkRevokedSigner(&result) }
        if !trustWarnings.isEmpty { result.warnings += trustWarnings }
        return result
    }

    /// Fails `checks.revocation` when the credential's signer is one a trust list revoked.
    private func checkRevokedSigner(_ result: inout VerificationResult) {
        guard let kid = result.keyIDBytes, revokedSignerKeyIDs.contains(kid) else { return }
        result.fail(
            \.revocation,
            GenericCodedError(
                code: "TRUST_LIST_DSC_REVOKED",
                message: "expected a signer the trust list has not revoked, found kid \(result.keyID ?? "") revoked"))
    }

    /// The keys of the credential's identifier (the record's `hcid`: the UVCI of HC1 and VC, the seal's UVCI of
    /// VDS-NC), which every format shares: CERTIFICATE, and UCI as the EU lists it.
    static func identifierKeys(_ result: VerificationResult) -> [RevocationKey] {
        guard result.checks.decode == .pass, let identifier = result.credential?.certificate.hcid, !identifier.isEmpty else {
            return []
        }
        return [RevocationHashes.certificate(identifier: identifier), RevocationHashes.uci(identifier)]
    }

    private func verifyFormat(_ payload: Substring, context: VerificationContext, inflater: Inflater?) -> VerificationResult {
        switch PayloadFormatDetector.detect(payload) {
        case .euDCC:
            return hc1.verify(payload, context: context, inflater: inflater)
        case .smartHealthCard:
            return shc.verify(payload, context: context)
        case .icaoVDSNC:
            return vds.verify(payload, context: context)
        case .w3cVC:
            return vc.verify(payload, context: context)
        case nil:
            var result = VerificationResult()
            result.fail(\.decode, VerifierError.unknownFormat())
            return result
        }
    }
}

/// Verifies many payloads in a row on one task, reusing decompression state. Not thread-safe:
/// make one per task.
public final class VerificationSession {
    private let verifier: Verifier
    private let zlib: Inflater?

    init(verifier: Verifier) {
        self.verifier = verifier
        self.zlib = try? Inflater(format: .zlib)
    }

    /// Verifies one payload at `time`.
    public func verify(_ payload: Substring, at time: Date = Date()) -> VerificationResult {
        verifier.verify(payload, at: time, inflater: zlib)
    }
}
