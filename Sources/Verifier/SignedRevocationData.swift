import CBOR
import COSE
import CodedErrors
import Crypto
import Revocation

/// Revocation snapshots and deltas as a verifier downloads them: the encoded bytes (docs/REVOCATION.md §4–5) as the
/// payload of a tagged COSE_Sign1 signed with ES256 by the platform's signing key (`kid` = the key's id).
///
/// The payload starts with its own magic (`DVRS` for a snapshot, `DVRD` for a delta), so a signature over one can
/// never be taken for the other or for another OpenDVC structure. A verifier checks the signature against the keys
/// it trusts before it decodes anything, then looks credentials up offline: it never sends which certificate it
/// checks.
public enum SignedRevocationData {
    /// The largest signed message accepted: 512 MiB (a snapshot of 20 million entries is about 340 MB).
    public static let maximumSize = 512 << 20

    /// Signs a snapshot's encoding.
    public static func sign(_ snapshot: RevocationSnapshot, key: P256.Signing.PrivateKey, keyID: [UInt8]) throws -> [UInt8] {
        try COSESign1.signES256(payload: snapshot.encoded(), keyID: keyID, key: key)
    }

    /// Signs a delta's encoding.
    public static func sign(_ delta: RevocationDelta, key: P256.Signing.PrivateKey, keyID: [UInt8]) throws -> [UInt8] {
        try COSESign1.signES256(payload: delta.encoded(), keyID: keyID, key: key)
    }

    /// Verifies a signed snapshot with one of `trustedKeys` and decodes it.
    ///
    /// - Throws: ``RevocationError`` `REVOCATION_SIGNATURE_INVALID` when the envelope is not a COSE_Sign1 or no
    ///   trusted key verifies it (nothing is decoded then); the snapshot decoder's codes for a bad payload.
    /// - Parameter verifyingSignature: false only to display a file (`dvc trust show` without anchors); never trust
    ///   what it returns then.
    public static func snapshot(
        from bytes: [UInt8], trustedKeys: [P256.Signing.PublicKey], limits: RevocationLimits = .default,
        verifyingSignature: Bool = true
    ) throws(RevocationError) -> RevocationSnapshot {
        try RevocationSnapshot(
            decoding: verifiedPayload(bytes, trustedKeys: trustedKeys, verifyingSignature: verifyingSignature), limits: limits)
    }

    /// Verifies a signed delta with one of `trustedKeys` and decodes it.
    public static func delta(
        from bytes: [UInt8], trustedKeys: [P256.Signing.PublicKey], limits: RevocationLimits = .default
    ) throws(RevocationError) -> RevocationDelta {
        try RevocationDelta(decoding: verifiedPayload(bytes, trustedKeys: trustedKeys), limits: limits)
    }

    /// The payload, once a trusted key verified the signature over it.
    static func verifiedPayload(
        _ bytes: [UInt8], trustedKeys: [P256.Signing.PublicKey], verifyingSignature: Bool = true
    ) throws(RevocationError) -> [UInt8] {
        guard bytes.count <= maximumSize else {
            throw RevocationError(
                .signatureInvalid, "expected signed revocation data of at most \(maximumSize) bytes, found \(bytes.count)")
        }
        let message: COSESign1
        do {
            message = try COSESign1(
                decoding: bytes, options: CBOR.DecodingOptions(maxDepth: 4, maxItems: 64, maxInputSize: maximumSize))
        } catch {
            throw RevocationError(
                .signatureInvalid, "expected a COSE_Sign1 around the revocation data, found bytes that are not one (\(Self.code(of: error)))")
        }
        if !verifyingSignature { return Array(message.payload) }
        for key in trustedKeys {
            if (try? message.verify(with: .p256(key))) != nil { return Array(message.payload) }
        }
        throw RevocationError(
            .signatureInvalid,
            "expected an ES256 signature by one of the \(trustedKeys.count) trusted revocation signing keys, found none that verifies")
    }

    private static func code(of error: any Error) -> String {
        (error as? any CodedError)?.code ?? "\(type(of: error))"
    }
}
