import CodedErrors
import Crypto
import Foundation
import JOSE

/// Signing and verifying trust lists as compact JWS (RFC 7515): ES256 over the canonical JSON payload, with the
/// protected header `{"alg":"ES256","kid":<anchor key id>,"typ":"dvc-trust-list+jws"}`.
public enum SignedTrustList {
    /// The JWS `typ` of a signed trust list.
    public static let mediaType = "dvc-trust-list+jws"
    /// The longest trust-anchor key id, in UTF-8 bytes.
    public static let maximumKeyIDLength = 256

    /// Signs a list with a trust-anchor key.
    ///
    /// - Returns: the compact JWS as ASCII bytes (what `dvc trust fetch` stores), without a line break.
    /// - Throws: ``TrustListError``: the errors of ``TrustList/validate(limits:)``; `TRUST_LIST_INVALID` for an
    ///   empty, overlong or non-printable `keyID`; `TRUST_LIST_TOO_LARGE` when the signed list exceeds
    ///   `limits.maximumBytes`.
    public static func sign(
        _ list: TrustList, key: P256.Signing.PrivateKey, keyID: String, limits: TrustListLimits = .default
    ) throws -> [UInt8] {
        guard isValidKeyID(keyID) else {
            throw TrustListError(
                .invalid, "expected a key id of 1 to \(maximumKeyIDLength) printable ASCII characters, found another value")
        }
        try list.validate(limits: limits)
        let header = JWSHeader(algorithm: "ES256", keyID: keyID, type: mediaType)
        let jws: CompactJWS
        do {
            jws = try CompactJWS(signing: list.encoded(), header: header, key: key)
        } catch {
            throw TrustListError(.invalid, "expected to sign the list, failed with \(GenericCodedError(error).code)")
        }
        let bytes = Array(jws.text.utf8)
        guard bytes.count <= limits.maximumBytes else {
            throw TrustListError(.tooLarge, "expected a signed list of at most \(limits.maximumBytes) bytes, found \(bytes.count)")
        }
        return bytes
    }

    /// Verifies a signed list and decodes it.
    ///
    /// Trailing ASCII whitespace (a final line break) is ignored. The list is refused when anything is wrong;
    /// a list past its next-update time is returned with a ``TrustListWarning/staleCode`` warning.
    ///
    /// - Parameters:
    ///   - anchors: the trust-anchor keys by JWS `kid`.
    ///   - now: the time to judge staleness by.
    ///   - minimumSequence: the lowest sequence number still accepted (the last one seen, to refuse replays of
    ///     older lists); 0 accepts any.
    /// - Throws: ``TrustListError`` `TRUST_LIST_TOO_LARGE`, `TRUST_LIST_MALFORMED` (not a compact ES256 JWS of
    ///   type ``mediaType`` with a `kid`, or a payload that is not a canonical list), `TRUST_LIST_UNKNOWN_ANCHOR`,
    ///   `TRUST_LIST_SIGNATURE_INVALID`, `TRUST_LIST_UNSUPPORTED_VERSION`, `TRUST_LIST_ROLLBACK`.
    public static func verify(
        _ bytes: some Collection<UInt8>, anchors: [String: P256.Signing.PublicKey], now: Date,
        minimumSequence: UInt64 = 0, limits: TrustListLimits = .default
    ) throws -> VerifiedTrustList {
        let jws = try parse(bytes, limits: limits)
        guard let keyID = jws.header.keyID, let anchor = anchors[keyID] else {
            throw TrustListError(.unknownAnchor, "expected the kid of a configured trust anchor, found another")
        }
        guard jws.isValidSignature(for: anchor) else {
            throw TrustListError(.signatureInvalid, "expected an ES256 signature valid for the trust anchor, found one that is not")
        }
        let list = try TrustList(payload: jws.payload, limits: limits)
        guard list.sequence >= minimumSequence else {
            throw TrustListError(
                .rollback, "expected a sequence number of at least \(minimumSequence), found \(list.sequence)")
        }
        var warnings: [TrustListWarning] = []
        if list.isStale(at: now) {
            warnings.append(
                TrustListWarning(
                    code: TrustListWarning.staleCode,
                    message: "expected a list before its next update (\(list.nextUpdate)), found it used at \(Int64(now.timeIntervalSince1970.rounded(.down)))"))
        }
        return VerifiedTrustList(
            list: list, anchorKeyID: keyID, payloadDigest: Array(SHA256.hash(data: jws.payload)), checkedAt: now,
            warnings: warnings)
    }

    /// Reads a signed list without checking its signature (for display, `dvc trust show`); never use the result
    /// to trust anything.
    ///
    /// - Throws: the errors of ``verify(_:anchors:now:minimumSequence:limits:)`` except the anchor, signature and
    ///   sequence ones.
    public static func readUnverified(
        _ bytes: some Collection<UInt8>, limits: TrustListLimits = .default
    ) throws -> (keyID: String, list: TrustList) {
        let jws = try parse(bytes, limits: limits)
        return (jws.header.keyID ?? "", try TrustList(payload: jws.payload, limits: limits))
    }

    /// Parses the JWS and checks its header.
    static func parse(_ bytes: some Collection<UInt8>, limits: TrustListLimits) throws -> CompactJWS {
        let count = bytes.count
        guard count <= limits.maximumBytes else {
            throw TrustListError(.tooLarge, "expected a signed list of at most \(limits.maximumBytes) bytes, found \(count)")
        }
        var text = Array(bytes)
        while let last = text.last, last == 0x20 || last == 0x0A || last == 0x0D || last == 0x09 { text.removeLast() }
        guard text.allSatisfy({ $0 < 0x80 }) else {
            throw TrustListError(.malformed, "expected an ASCII compact JWS, found a non-ASCII byte")
        }
        let jws: CompactJWS
        do {
            jws = try CompactJWS(parsing: String(decoding: text, as: UTF8.self), maximumLength: limits.maximumBytes)
        } catch let error as JOSEError {
            throw TrustListError(.malformed, "expected a compact ES256 JWS: \(error.code)")
        }
        guard jws.header.type == mediaType else {
            throw TrustListError(.malformed, "expected JWS typ \(mediaType), found \(jws.header.type == nil ? "none" : "another")")
        }
        guard jws.header.compression == nil else {
            throw TrustListError(.malformed, "expected an uncompressed payload, found a zip header")
        }
        guard let keyID = jws.header.keyID, isValidKeyID(keyID) else {
            throw TrustListError(.malformed, "expected a kid of 1 to \(maximumKeyIDLength) printable ASCII characters, found another")
        }
        return jws
    }

    static func isValidKeyID(_ keyID: String) -> Bool {
        (1...maximumKeyIDLength).contains(keyID.utf8.count) && keyID.utf8.allSatisfy { (0x20...0x7E).contains($0) }
    }
}
